-- Whether an answer is its question's accepted answer, kept beside the answer so that a
-- member's accepted answers (profile, leaderboard, hours credited) are counted from an index
-- of their own answers instead of looking each answer's question up: a helper with 14,000
-- answers made every profile read 14,000 questions (21 ms on SQLite at 1,000,000 questions).
-- `questions.accepted_answer_id` stays the one place an acceptance is written; the trigger
-- below mirrors every change of it (accept, replace, clear, hide), whoever writes it.

-- No acceptance changes between the backfill and the trigger (another replica may be serving).
LOCK TABLE questions, answers IN SHARE ROW EXCLUSIVE MODE;

ALTER TABLE answers ADD COLUMN accepted BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE answers SET accepted = TRUE
WHERE id IN (SELECT accepted_answer_id FROM questions WHERE accepted_answer_id IS NOT NULL);
CREATE FUNCTION questions_accepted_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE answers SET accepted = (id IS NOT DISTINCT FROM NEW.accepted_answer_id)
  WHERE id IN (OLD.accepted_answer_id, NEW.accepted_answer_id);
  RETURN NULL;
END $$;
CREATE TRIGGER questions_accepted_changed AFTER UPDATE OF accepted_answer_id ON questions
FOR EACH ROW WHEN (OLD.accepted_answer_id IS DISTINCT FROM NEW.accepted_answer_id)
EXECUTE FUNCTION questions_accepted_changed();
-- A member's accepted answers to other members' questions, by time (the leaderboard counts a
-- period of them).
CREATE INDEX answers_accepted_author ON answers (author_id, created_at) WHERE accepted AND NOT by_asker;

-- `by_asker` of answers and reactions (migration 0015), set by the database as well as by the
-- service, as kudos' is (0017): profiles now count an answer as an anonymous asker's own only
-- through this flag, so a writer that does not know it (a replica of an older version during
-- an upgrade, an import) cannot leave it false and name her on her public profile.
CREATE FUNCTION answers_by_asker_set() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.by_asker := EXISTS (SELECT 1 FROM questions q WHERE q.id = NEW.question_id AND q.author_id = NEW.author_id);
  RETURN NEW;
END $$;
CREATE TRIGGER answers_by_asker_set BEFORE INSERT ON answers FOR EACH ROW EXECUTE FUNCTION answers_by_asker_set();
CREATE FUNCTION answer_reactions_by_asker_set() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.by_asker := EXISTS (SELECT 1 FROM answers a JOIN questions q ON q.id = a.question_id
    WHERE a.id = NEW.answer_id AND q.author_id = NEW.member_id);
  RETURN NEW;
END $$;
CREATE TRIGGER answer_reactions_by_asker_set BEFORE INSERT ON answer_reactions FOR EACH ROW EXECUTE FUNCTION answer_reactions_by_asker_set();
