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

-- Questions nobody but the asker has answered yet, all time (the summary's
-- `questions_without_answer`), kept by triggers in 16 rows (by question id) so that
-- concurrent writers do not queue for one row; the figure is their sum.
CREATE TABLE question_counters (shard INTEGER PRIMARY KEY, unanswered BIGINT NOT NULL DEFAULT 0);
INSERT INTO question_counters (shard) SELECT s FROM generate_series(0, 15) s;
UPDATE question_counters SET unanswered =
  (SELECT COUNT(*) FROM questions q WHERE q.first_answer_at IS NULL AND q.id % 16 = question_counters.shard);
CREATE FUNCTION questions_unanswered_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.first_answer_at IS NULL THEN
      UPDATE question_counters SET unanswered = unanswered + 1 WHERE shard = NEW.id % 16;
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.first_answer_at IS NULL THEN
      UPDATE question_counters SET unanswered = unanswered - 1 WHERE shard = OLD.id % 16;
    END IF;
  ELSIF (OLD.first_answer_at IS NULL) <> (NEW.first_answer_at IS NULL) THEN
    UPDATE question_counters SET unanswered = unanswered + CASE WHEN NEW.first_answer_at IS NULL THEN 1 ELSE -1 END
    WHERE shard = NEW.id % 16;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER questions_unanswered_counted AFTER INSERT OR DELETE OR UPDATE OF first_answer_at ON questions
FOR EACH ROW EXECUTE FUNCTION questions_unanswered_count();

-- The per-question figures (asked, answered, answered within 24 hours, asked anonymously and
-- answered within 24 hours) by the UTC hour a question was asked, each hour in 8 rows by
-- question id so that concurrent writers on PostgreSQL do not queue for one row. Triggers
-- keep them as questions are asked, answered, edited and deleted; a period of whole hours
-- sums these rows instead of reading its questions (only a period's partial first and last
-- hour, and a topic's figures, read the questions).
CREATE TABLE question_hours (
    hour                          BIGINT  NOT NULL,
    shard                         INTEGER NOT NULL,
    asked                         BIGINT  NOT NULL DEFAULT 0,
    answered                      BIGINT  NOT NULL DEFAULT 0,
    answered_within_24h           BIGINT  NOT NULL DEFAULT 0,
    anonymous                     BIGINT  NOT NULL DEFAULT 0,
    anonymous_answered_within_24h BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (hour, shard)
);
INSERT INTO question_hours (hour, shard, asked, answered, answered_within_24h, anonymous, anonymous_answered_within_24h)
SELECT t.created_at / 3600000000, t.id % 8, COUNT(*),
  SUM(CASE WHEN t.first_answer_at IS NOT NULL THEN 1 ELSE 0 END),
  SUM(CASE WHEN t.first_answer_at - t.created_at <= 86400000000 THEN 1 ELSE 0 END),
  SUM(CASE WHEN t.anonymous THEN 1 ELSE 0 END),
  SUM(CASE WHEN t.anonymous AND t.first_answer_at - t.created_at <= 86400000000 THEN 1 ELSE 0 END)
FROM questions t GROUP BY t.created_at / 3600000000, t.id % 8;
CREATE FUNCTION questions_hours_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE question_hours SET asked = asked - 1,
    answered = answered - CASE WHEN OLD.first_answer_at IS NOT NULL THEN 1 ELSE 0 END,
    answered_within_24h = answered_within_24h - CASE WHEN OLD.first_answer_at - OLD.created_at <= 86400000000 THEN 1 ELSE 0 END,
    anonymous = anonymous - CASE WHEN OLD.anonymous THEN 1 ELSE 0 END,
    anonymous_answered_within_24h = anonymous_answered_within_24h - CASE WHEN OLD.anonymous AND OLD.first_answer_at - OLD.created_at <= 86400000000 THEN 1 ELSE 0 END
  WHERE hour = OLD.created_at / 3600000000 AND shard = OLD.id % 8;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO question_hours (hour, shard, asked, answered, answered_within_24h, anonymous, anonymous_answered_within_24h)
  VALUES (NEW.created_at / 3600000000, NEW.id % 8, 1, CASE WHEN NEW.first_answer_at IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at - NEW.created_at <= 86400000000 THEN 1 ELSE 0 END, CASE WHEN NEW.anonymous THEN 1 ELSE 0 END, CASE WHEN NEW.anonymous AND NEW.first_answer_at - NEW.created_at <= 86400000000 THEN 1 ELSE 0 END)
  ON CONFLICT (hour, shard) DO UPDATE SET asked = question_hours.asked + excluded.asked,
    answered = question_hours.answered + excluded.answered,
    answered_within_24h = question_hours.answered_within_24h + excluded.answered_within_24h,
    anonymous = question_hours.anonymous + excluded.anonymous,
    anonymous_answered_within_24h = question_hours.anonymous_answered_within_24h + excluded.anonymous_answered_within_24h;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER questions_hours_counted AFTER INSERT OR DELETE OR UPDATE OF created_at, first_answer_at, anonymous ON questions
FOR EACH ROW EXECUTE FUNCTION questions_hours_count();
