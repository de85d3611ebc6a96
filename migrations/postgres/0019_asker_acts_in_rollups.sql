-- An asker's own acts inside her thread — her answers, reactions and kudos there (`by_asker`) —
-- now count in `member_days` too, while her question is not anonymous. Until now they were
-- read from the tables on every request of the health figures, each looking its question up
-- for its anonymity: with askers marking answers helpful (most reactions), that was 10 of the
-- 14 ms of `/stats/health` on PostgreSQL at 10,000 questions, and 12 ms on SQLite.
--
-- The rule: an act with `by_asker` counts while its question exists and is not anonymous. The
-- triggers keep it wherever that can change:
-- - an act written, removed or moved to another day looks its question up;
-- - a question that becomes anonymous takes all of its asker's acts in the thread out of
--   `member_days`, and one that becomes named puts them back (`asker_thread_acts` below);
-- - a question or an answer about to be deleted takes out the asker's acts that its deletion
--   removes with it (BEFORE DELETE: the cascades that follow no longer find the question or
--   the answer, so they leave the counts alone).
-- So an anonymous question's asker is still never counted for what she did in her thread, and
-- nothing anonymous is stored: a row names a member only for acts that show their name.

-- An asker's acts inside her own thread, with the thread's question and answer: her answers
-- (`answered` = 1) and her reactions and kudos on its answers.
CREATE VIEW asker_thread_acts AS
  SELECT a.question_id, a.id AS answer_id, a.created_at / 86400000000 AS day, a.author_id AS member_id, 1 AS answered
  FROM answers a WHERE a.by_asker
  UNION ALL
  SELECT a.question_id, a.id, r.created_at / 86400000000, r.member_id, 0
  FROM answer_reactions r JOIN answers a ON a.id = r.answer_id WHERE r.by_asker
  UNION ALL
  SELECT a.question_id, a.id, k.created_at / 86400000000, k.giver_id, 0
  FROM kudos k JOIN answers a ON a.id = k.target_id WHERE k.target_kind = 'answer' AND k.by_asker;
-- Kudos by their target: the view above, and deleting an answer's or a question's kudos, read
-- them by target (they scanned every kudos).
CREATE INDEX kudos_target ON kudos (target_kind, target_id);

-- No act is written between the backfill and the new triggers (another replica may be serving).
LOCK TABLE questions, answers, answer_reactions, kudos IN SHARE ROW EXCLUSIVE MODE;

-- The acts already written: the asker's acts in threads that are not anonymous.
INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
SELECT v.day, v.member_id, COUNT(*), 0, SUM(v.answered), 0
FROM asker_thread_acts v JOIN questions q ON q.id = v.question_id
WHERE NOT q.anonymous GROUP BY v.day, v.member_id
ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;

-- Whether question `question` exists and is not anonymous. Locks its row, as the service's
-- `lock_question!` does: an act by the asker and a change of the question's anonymity are then
-- counted one after the other (without it, each could miss the other's uncommitted change and
-- leave the asker counted in a thread that is anonymous). Only the asker's own acts call this.
CREATE FUNCTION member_days_thread_named(question BIGINT) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
DECLARE
  hidden BOOLEAN;
BEGIN
  SELECT q.anonymous INTO hidden FROM questions q WHERE q.id = question FOR NO KEY UPDATE;
  RETURN hidden IS NOT NULL AND NOT hidden;
END $$;

-- Adds (`sign` = 1) or takes out (-1) the asker's acts of question `question`'s thread, or only
-- those on answer `answer` (her reactions and kudos there) when it is not NULL.
CREATE FUNCTION member_days_thread_move(question BIGINT, answer BIGINT, sign BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  x RECORD;
BEGIN
  FOR x IN
    SELECT v.day, v.member_id, COUNT(*) AS acts, SUM(v.answered) AS answered FROM asker_thread_acts v
    WHERE v.question_id = question AND (answer IS NULL OR (v.answer_id = answer AND v.answered = 0))
    GROUP BY v.day, v.member_id ORDER BY v.day, v.member_id
  LOOP
    IF sign > 0 THEN
      INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
      VALUES (x.day, x.member_id, x.acts, 0, x.answered, 0)
      ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
    ELSE
      UPDATE member_days SET acts = acts - x.acts, answered = answered - x.answered WHERE day = x.day AND member_id = x.member_id;
      DELETE FROM member_days WHERE day = x.day AND member_id = x.member_id AND acts <= 0;
    END IF;
  END LOOP;
END $$;
CREATE OR REPLACE FUNCTION answers_member_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') AND (NOT OLD.by_asker OR member_days_thread_named(OLD.question_id)) THEN
    UPDATE member_days SET acts = acts - 1, answered = answered - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.author_id;
    DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.author_id AND acts <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (NOT NEW.by_asker OR member_days_thread_named(NEW.question_id)) THEN
    INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
    VALUES (NEW.created_at / 86400000000, NEW.author_id, 1, 0, 1, 0)
    ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION answer_reactions_member_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') AND (NOT OLD.by_asker OR member_days_thread_named((SELECT a.question_id FROM answers a WHERE a.id = OLD.answer_id))) THEN
    UPDATE member_days SET acts = acts - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.member_id;
    DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.member_id AND acts <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (NOT NEW.by_asker OR member_days_thread_named((SELECT a.question_id FROM answers a WHERE a.id = NEW.answer_id))) THEN
    INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
    VALUES (NEW.created_at / 86400000000, NEW.member_id, 1, 0, 0, 0)
    ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION kudos_member_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') AND (NOT OLD.by_asker OR member_days_thread_named((SELECT a.question_id FROM answers a WHERE OLD.target_kind = 'answer' AND a.id = OLD.target_id))) THEN
    UPDATE member_days SET acts = acts - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.giver_id;
    DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.giver_id AND acts <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (NOT NEW.by_asker OR member_days_thread_named((SELECT a.question_id FROM answers a WHERE NEW.target_kind = 'answer' AND a.id = NEW.target_id))) THEN
    INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
    VALUES (NEW.created_at / 86400000000, NEW.giver_id, 1, 0, 0, 0)
    ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
  END IF;
  RETURN NULL;
END $$;
-- A question that changes anonymity moves its asker's acts in the thread out or back in.
CREATE FUNCTION questions_member_days_thread_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM member_days_thread_move(NEW.id, NULL, CASE WHEN NEW.anonymous THEN -1 ELSE 1 END);
  RETURN NULL;
END $$;
CREATE TRIGGER questions_member_days_thread_moved AFTER UPDATE OF anonymous ON questions
FOR EACH ROW WHEN (OLD.anonymous IS DISTINCT FROM NEW.anonymous)
EXECUTE FUNCTION questions_member_days_thread_moved();
-- Before a question's deletion cascades to its answers and their reactions.
CREATE FUNCTION questions_member_days_thread_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM member_days_thread_move(OLD.id, NULL, -1);
  RETURN OLD;
END $$;
CREATE TRIGGER questions_member_days_thread_removed BEFORE DELETE ON questions
FOR EACH ROW WHEN (NOT OLD.anonymous)
EXECUTE FUNCTION questions_member_days_thread_removed();
-- Before an answer's deletion cascades to its reactions (its kudos too, should any remain); the
-- answer itself is taken out by its own trigger. A question being deleted is gone already (the
-- cascade runs after its row is deleted), so this does nothing then.
CREATE FUNCTION answers_member_days_thread_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM asker_thread_acts v WHERE v.question_id = OLD.question_id AND v.answer_id = OLD.id AND v.answered = 0)
     AND member_days_thread_named(OLD.question_id) THEN
    PERFORM member_days_thread_move(OLD.question_id, OLD.id, -1);
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER answers_member_days_thread_removed BEFORE DELETE ON answers
FOR EACH ROW EXECUTE FUNCTION answers_member_days_thread_removed();
