-- Indexes for the health figures (GET /stats/health, /stats/summary, the CSV, the dashboard),
-- which are counted with range queries over the asked period instead of reading the whole
-- history: each act by time, and each member's earliest question, answer and tip (for
-- "first-time askers" and "new contributors", which need the first one ever). The two
-- time indexes of questions and answers cover every column the figures read, so counting a
-- period reads the index alone, not the rows with their text.
-- Whether an answer, or a reaction to one, is by the question's asker: fixed when written
-- (no author ever changes), so the figures look a question's anonymity up only for its
-- asker's own acts, not for every answer and reaction.
ALTER TABLE answers ADD COLUMN by_asker BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE answers SET by_asker = TRUE
WHERE author_id = (SELECT q.author_id FROM questions q WHERE q.id = answers.question_id);
ALTER TABLE answer_reactions ADD COLUMN by_asker BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE answer_reactions SET by_asker = TRUE
WHERE member_id = (SELECT q.author_id FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = answer_reactions.answer_id);
CREATE INDEX questions_by_time ON questions (created_at, first_answer_at, anonymous, author_id);
CREATE INDEX questions_first_by_asker ON questions (author_id, created_at, id) WHERE NOT anonymous;
CREATE INDEX questions_unanswered ON questions (created_at) WHERE first_answer_at IS NULL;
CREATE INDEX answers_by_time ON answers (created_at, question_id, author_id, by_asker);
CREATE INDEX answers_author ON answers (author_id, created_at, question_id, by_asker);
CREATE INDEX tips_author ON tips (author_id, created_at);
CREATE INDEX answer_reactions_created ON answer_reactions (created_at, answer_id, member_id, by_asker);
CREATE INDEX tip_reactions_created ON tip_reactions (created_at);
CREATE INDEX kudos_created ON kudos (created_at);

-- Questions and tips written before the gram index (migration 0014) are indexed at start-up.
-- This table names the tables that may still hold such rows, so a start-up looks for them
-- once (the look is a scan of the whole table), not at every start of a large database.
CREATE TABLE search_backfill (table_name TEXT PRIMARY KEY);
INSERT INTO search_backfill (table_name) VALUES ('questions'), ('tips');
