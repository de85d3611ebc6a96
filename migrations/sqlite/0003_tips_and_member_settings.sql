-- Tips (knowledge at a level), the tip of the day per member, and the member settings that
-- choose it (level, interest tags), plus helper tags and the leaderboard opt-in.

ALTER TABLE members ADD COLUMN level TEXT NOT NULL DEFAULT 'beginner'
    CHECK (level IN ('beginner', 'intermediate', 'advanced'));
ALTER TABLE members ADD COLUMN department TEXT;
ALTER TABLE members ADD COLUMN show_on_leaderboard BOOLEAN NOT NULL DEFAULT FALSE;

-- kind: 'interest' (tips preferred) or 'helper' (happy to be asked).
CREATE TABLE member_tags (
    member_id  BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    tag_id     BIGINT NOT NULL REFERENCES tags (id),
    kind       TEXT   NOT NULL CHECK (kind IN ('interest', 'helper')),
    PRIMARY KEY (member_id, kind, tag_id)
);
CREATE INDEX member_tags_tag ON member_tags (tag_id, kind);

CREATE TABLE tips (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    author_id      BIGINT  NOT NULL REFERENCES members (id),
    title          TEXT    NOT NULL,
    body           TEXT    NOT NULL,
    search_title   TEXT    NOT NULL,
    search_body    TEXT    NOT NULL,
    level          TEXT    NOT NULL CHECK (level IN ('beginner', 'intermediate', 'advanced')),
    featured       BOOLEAN NOT NULL DEFAULT FALSE,
    helpful_count  BIGINT  NOT NULL DEFAULT 0,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL
);
CREATE INDEX tips_newest ON tips (created_at DESC, id DESC);
CREATE INDEX tips_level ON tips (level, id);

CREATE VIRTUAL TABLE tips_fts USING fts5 (
    search_title, search_body,
    content = 'tips', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER tips_fts_insert AFTER INSERT ON tips BEGIN
    INSERT INTO tips_fts (rowid, search_title, search_body)
    VALUES (new.id, new.search_title, new.search_body);
END;
CREATE TRIGGER tips_fts_delete AFTER DELETE ON tips BEGIN
    INSERT INTO tips_fts (tips_fts, rowid, search_title, search_body)
    VALUES ('delete', old.id, old.search_title, old.search_body);
END;
CREATE TRIGGER tips_fts_update AFTER UPDATE OF search_title, search_body ON tips BEGIN
    INSERT INTO tips_fts (tips_fts, rowid, search_title, search_body)
    VALUES ('delete', old.id, old.search_title, old.search_body);
    INSERT INTO tips_fts (rowid, search_title, search_body)
    VALUES (new.id, new.search_title, new.search_body);
END;

CREATE TABLE tip_tags (
    tip_id  BIGINT NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
    tag_id  BIGINT NOT NULL REFERENCES tags (id),
    PRIMARY KEY (tip_id, tag_id)
);
CREATE INDEX tip_tags_tag ON tip_tags (tag_id, tip_id);

CREATE TABLE tip_reactions (
    tip_id      BIGINT NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
    member_id   BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (tip_id, member_id)
);

-- One tip per member per day; a tip is never shown to the same member twice.
CREATE TABLE tip_deliveries (
    member_id   BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    day         TEXT   NOT NULL,
    tip_id      BIGINT NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (member_id, day),
    UNIQUE (member_id, tip_id)
);
