-- Indexes for the health figures (GET /stats/health, /stats/summary, the CSV, the dashboard),
-- which are counted with range queries over the asked period instead of reading the whole
-- history: each act by time, and each member's earliest question, answer and tip (for
-- "first-time askers" and "new contributors", which need the first one ever).
CREATE INDEX questions_first_by_asker ON questions (author_id, created_at, id) WHERE NOT anonymous;
CREATE INDEX questions_unanswered ON questions (created_at) WHERE first_answer_at IS NULL;
CREATE INDEX answers_created ON answers (created_at);
CREATE INDEX answers_author ON answers (author_id, created_at);
CREATE INDEX tips_author ON tips (author_id, created_at);
CREATE INDEX answer_reactions_created ON answer_reactions (created_at);
CREATE INDEX tip_reactions_created ON tip_reactions (created_at);
CREATE INDEX kudos_created ON kudos (created_at);
-- Rows written before the gram index are indexed at start-up; this finds them without a scan.
CREATE INDEX questions_ungrammed ON questions (id) WHERE search_grams IS NULL;
CREATE INDEX tips_ungrammed ON tips (id) WHERE search_grams IS NULL;
