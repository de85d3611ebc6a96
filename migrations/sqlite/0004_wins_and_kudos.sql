-- Wins with their measured impact, what helped them (questions and tips, so helpers are
-- credited with the hours saved), and kudos on wins and answers.

CREATE TABLE wins (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
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

CREATE VIRTUAL TABLE wins_fts USING fts5 (
    search_title, search_body,
    content = 'wins', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER wins_fts_insert AFTER INSERT ON wins BEGIN
    INSERT INTO wins_fts (rowid, search_title, search_body)
    VALUES (new.id, new.search_title, new.search_body);
END;
CREATE TRIGGER wins_fts_delete AFTER DELETE ON wins BEGIN
    INSERT INTO wins_fts (wins_fts, rowid, search_title, search_body)
    VALUES ('delete', old.id, old.search_title, old.search_body);
END;
CREATE TRIGGER wins_fts_update AFTER UPDATE OF search_title, search_body ON wins BEGIN
    INSERT INTO wins_fts (wins_fts, rowid, search_title, search_body)
    VALUES ('delete', old.id, old.search_title, old.search_body);
    INSERT INTO wins_fts (rowid, search_title, search_body)
    VALUES (new.id, new.search_title, new.search_body);
END;

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
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    giver_id     BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    receiver_id  BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    target_kind  TEXT   NOT NULL CHECK (target_kind IN ('win', 'answer')),
    target_id    BIGINT NOT NULL,
    message      TEXT,
    created_at   BIGINT NOT NULL,
    UNIQUE (giver_id, target_kind, target_id)
);
CREATE INDEX kudos_receiver ON kudos (receiver_id, created_at);
