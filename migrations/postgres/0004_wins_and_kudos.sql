-- Wins with their measured impact, what helped them (questions and tips, so helpers are
-- credited with the hours saved), and kudos on wins and answers.

CREATE TABLE wins (
    id                     BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id              BIGINT  NOT NULL REFERENCES members (id),
    title                  TEXT    NOT NULL,
    story                  TEXT    NOT NULL,
    search_title           TEXT    NOT NULL,
    search_body            TEXT    NOT NULL,
    minutes_saved_per_run  DOUBLE PRECISION NOT NULL,
    runs_per_month         BIGINT  NOT NULL,
    people_helped          BIGINT  NOT NULL,
    money_saved_per_month  DOUBLE PRECISION,
    currency               TEXT,
    link                   TEXT,
    created_at             BIGINT  NOT NULL,
    updated_at             BIGINT  NOT NULL
);
CREATE INDEX wins_newest ON wins (created_at DESC, id DESC);
CREATE INDEX wins_author ON wins (author_id);

CREATE INDEX wins_search_title_trgm ON wins USING gin (search_title gin_trgm_ops);
CREATE INDEX wins_search_body_trgm ON wins USING gin (search_body gin_trgm_ops);

CREATE TABLE win_tags (
    win_id  BIGINT NOT NULL REFERENCES wins (id) ON DELETE CASCADE,
    tag_id  BIGINT NOT NULL REFERENCES tags (id),
    PRIMARY KEY (win_id, tag_id)
);
CREATE INDEX win_tags_tag ON win_tags (tag_id, win_id);

-- kind 'question' or 'tip'; no foreign key because it points at two tables (reads join).
CREATE TABLE win_helped_by (
    win_id     BIGINT NOT NULL REFERENCES wins (id) ON DELETE CASCADE,
    kind       TEXT   NOT NULL CHECK (kind IN ('question', 'tip')),
    target_id  BIGINT NOT NULL,
    PRIMARY KEY (win_id, kind, target_id)
);
CREATE INDEX win_helped_by_target ON win_helped_by (kind, target_id);

-- kind 'win' or 'answer'; one per giver per item.
CREATE TABLE kudos (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    giver_id     BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    receiver_id  BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    target_kind  TEXT   NOT NULL CHECK (target_kind IN ('win', 'answer')),
    target_id    BIGINT NOT NULL,
    message      TEXT,
    created_at   BIGINT NOT NULL,
    UNIQUE (giver_id, target_kind, target_id)
);
CREATE INDEX kudos_receiver ON kudos (receiver_id, created_at);
