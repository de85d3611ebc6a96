-- Search served by a character-bigram index (see `domain::search`, "The gram index") instead
-- of FTS5 trigrams, which cannot serve one- and two-character terms (承認, UI) and left
-- those to scan every row. The grams are computed by the service (hexadecimal code points),
-- so these contentless tables are written by the store beside each question and tip; rows
-- written before this migration are indexed when the service starts.
DROP TRIGGER questions_fts_insert;
DROP TRIGGER questions_fts_delete;
DROP TRIGGER questions_fts_update;
DROP TABLE questions_fts;
DROP TRIGGER tips_fts_insert;
DROP TRIGGER tips_fts_delete;
DROP TRIGGER tips_fts_update;
DROP TABLE tips_fts;

CREATE VIRTUAL TABLE questions_grams USING fts5 (
    title, body, content = '', contentless_delete = 1
);
CREATE TRIGGER questions_grams_delete AFTER DELETE ON questions BEGIN
    DELETE FROM questions_grams WHERE rowid = old.id;
END;

CREATE VIRTUAL TABLE tips_grams USING fts5 (
    title, body, content = '', contentless_delete = 1
);
CREATE TRIGGER tips_grams_delete AFTER DELETE ON tips BEGIN
    DELETE FROM tips_grams WHERE rowid = old.id;
END;
