-- Similar-question suggestions (GET /questions/similar, the ask page) served from an inverted
-- index of title grams, as SQLite's FTS5 table serves them: each gram of the draft title
-- (`domain::search::similarity_grams`) reads the newest questions whose title has it, in order,
-- from this table's primary key, and the newest of those are the candidates. Filtering the
-- questions by `search_grams` instead read the whole array of every question, body grams
-- included (255 ms at 10,000 questions; linear in the history, and GIN keeps no order).
-- Filled by the service (`store::index_grams!`); questions written before this migration are
-- indexed when the service starts.
CREATE TABLE question_title_grams (
    gram TEXT NOT NULL,
    question_id BIGINT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    PRIMARY KEY (gram, question_id)
);
CREATE INDEX question_title_grams_question ON question_title_grams (question_id);
INSERT INTO search_backfill (table_name) VALUES ('questions') ON CONFLICT DO NOTHING;
