-- Whether an answer is its question's accepted answer, kept beside the answer so that a
-- member's accepted answers (profile, leaderboard, hours credited) are counted from an index
-- of their own answers instead of looking each answer's question up: a helper with 14,000
-- answers made every profile read 14,000 questions (21 ms on SQLite at 1,000,000 questions).
-- `questions.accepted_answer_id` stays the one place an acceptance is written; the trigger
-- below mirrors every change of it (accept, replace, clear, hide), whoever writes it.
ALTER TABLE answers ADD COLUMN accepted BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE answers SET accepted = TRUE
WHERE id IN (SELECT accepted_answer_id FROM questions WHERE accepted_answer_id IS NOT NULL);
CREATE TRIGGER questions_accepted_changed AFTER UPDATE OF accepted_answer_id ON questions
WHEN OLD.accepted_answer_id IS NOT NEW.accepted_answer_id
BEGIN
  UPDATE answers SET accepted = COALESCE(id = NEW.accepted_answer_id, FALSE)
  WHERE id IN (OLD.accepted_answer_id, NEW.accepted_answer_id);
END;
-- A member's accepted answers to other members' questions, by time (the leaderboard counts a
-- period of them).
CREATE INDEX answers_accepted_author ON answers (author_id, created_at) WHERE accepted AND NOT by_asker;
