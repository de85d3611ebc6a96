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
-- The acts already written: the asker's acts in threads that are not anonymous.
INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
SELECT v.day, v.member_id, COUNT(*), 0, SUM(v.answered), 0
FROM asker_thread_acts v JOIN questions q ON q.id = v.question_id
WHERE NOT q.anonymous GROUP BY v.day, v.member_id
ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
DROP TRIGGER answers_member_days_added;
CREATE TRIGGER answers_member_days_added AFTER INSERT ON answers
BEGIN
  INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
  SELECT NEW.created_at / 86400000000, NEW.author_id, 1, 0, 1, 0 WHERE (NOT NEW.by_asker OR NOT COALESCE((SELECT q.anonymous FROM questions q WHERE q.id = NEW.question_id), TRUE))
  ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
END;
DROP TRIGGER answers_member_days_removed;
CREATE TRIGGER answers_member_days_removed AFTER DELETE ON answers
BEGIN
  UPDATE member_days SET acts = acts - 1, answered = answered - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.author_id AND (NOT OLD.by_asker OR NOT COALESCE((SELECT q.anonymous FROM questions q WHERE q.id = OLD.question_id), TRUE));
  DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.author_id AND acts <= 0;
END;
DROP TRIGGER answers_member_days_changed;
CREATE TRIGGER answers_member_days_changed AFTER UPDATE OF created_at ON answers
BEGIN
  UPDATE member_days SET acts = acts - 1, answered = answered - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.author_id AND (NOT OLD.by_asker OR NOT COALESCE((SELECT q.anonymous FROM questions q WHERE q.id = OLD.question_id), TRUE));
  DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.author_id AND acts <= 0;
  INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
  SELECT NEW.created_at / 86400000000, NEW.author_id, 1, 0, 1, 0 WHERE (NOT NEW.by_asker OR NOT COALESCE((SELECT q.anonymous FROM questions q WHERE q.id = NEW.question_id), TRUE))
  ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
END;
DROP TRIGGER answer_reactions_member_days_added;
CREATE TRIGGER answer_reactions_member_days_added AFTER INSERT ON answer_reactions
BEGIN
  INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
  SELECT NEW.created_at / 86400000000, NEW.member_id, 1, 0, 0, 0 WHERE (NOT NEW.by_asker OR NOT COALESCE((SELECT q.anonymous FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = NEW.answer_id), TRUE))
  ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
END;
DROP TRIGGER answer_reactions_member_days_removed;
CREATE TRIGGER answer_reactions_member_days_removed AFTER DELETE ON answer_reactions
BEGIN
  UPDATE member_days SET acts = acts - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.member_id AND (NOT OLD.by_asker OR NOT COALESCE((SELECT q.anonymous FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = OLD.answer_id), TRUE));
  DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.member_id AND acts <= 0;
END;
DROP TRIGGER answer_reactions_member_days_changed;
CREATE TRIGGER answer_reactions_member_days_changed AFTER UPDATE OF created_at ON answer_reactions
BEGIN
  UPDATE member_days SET acts = acts - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.member_id AND (NOT OLD.by_asker OR NOT COALESCE((SELECT q.anonymous FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = OLD.answer_id), TRUE));
  DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.member_id AND acts <= 0;
  INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
  SELECT NEW.created_at / 86400000000, NEW.member_id, 1, 0, 0, 0 WHERE (NOT NEW.by_asker OR NOT COALESCE((SELECT q.anonymous FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = NEW.answer_id), TRUE))
  ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
END;
DROP TRIGGER kudos_member_days_added;
CREATE TRIGGER kudos_member_days_added AFTER INSERT ON kudos
BEGIN
  INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
  SELECT NEW.created_at / 86400000000, NEW.giver_id, 1, 0, 0, 0 WHERE (NOT NEW.by_asker OR NOT COALESCE((SELECT q.anonymous FROM answers a JOIN questions q ON q.id = a.question_id WHERE NEW.target_kind = 'answer' AND a.id = NEW.target_id), TRUE))
  ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
END;
DROP TRIGGER kudos_member_days_removed;
CREATE TRIGGER kudos_member_days_removed AFTER DELETE ON kudos
BEGIN
  UPDATE member_days SET acts = acts - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.giver_id AND (NOT OLD.by_asker OR NOT COALESCE((SELECT q.anonymous FROM answers a JOIN questions q ON q.id = a.question_id WHERE OLD.target_kind = 'answer' AND a.id = OLD.target_id), TRUE));
  DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.giver_id AND acts <= 0;
END;
DROP TRIGGER kudos_member_days_changed;
CREATE TRIGGER kudos_member_days_changed AFTER UPDATE OF created_at ON kudos
BEGIN
  UPDATE member_days SET acts = acts - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.giver_id AND (NOT OLD.by_asker OR NOT COALESCE((SELECT q.anonymous FROM answers a JOIN questions q ON q.id = a.question_id WHERE OLD.target_kind = 'answer' AND a.id = OLD.target_id), TRUE));
  DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.giver_id AND acts <= 0;
  INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
  SELECT NEW.created_at / 86400000000, NEW.giver_id, 1, 0, 0, 0 WHERE (NOT NEW.by_asker OR NOT COALESCE((SELECT q.anonymous FROM answers a JOIN questions q ON q.id = a.question_id WHERE NEW.target_kind = 'answer' AND a.id = NEW.target_id), TRUE))
  ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
END;
-- A question that changes anonymity moves its asker's acts in the thread out or back in.
CREATE TRIGGER questions_member_days_thread_moved AFTER UPDATE OF anonymous ON questions
WHEN OLD.anonymous IS NOT NEW.anonymous
BEGIN
  UPDATE member_days SET acts = member_days.acts - x.acts, answered = member_days.answered - x.answered
  FROM (SELECT v.day, v.member_id, COUNT(*) AS acts, SUM(v.answered) AS answered FROM asker_thread_acts v
        WHERE v.question_id = NEW.id GROUP BY v.day, v.member_id) x
  WHERE NEW.anonymous AND member_days.day = x.day AND member_days.member_id = x.member_id;
  DELETE FROM member_days WHERE acts <= 0 AND (day, member_id) IN (SELECT v.day, v.member_id FROM asker_thread_acts v WHERE v.question_id = NEW.id);
  INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
  SELECT v.day, v.member_id, COUNT(*), 0, SUM(v.answered), 0 FROM asker_thread_acts v
  WHERE v.question_id = NEW.id AND NOT NEW.anonymous GROUP BY v.day, v.member_id
  ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
END;
-- Before a question's deletion cascades to its answers and their reactions.
CREATE TRIGGER questions_member_days_thread_removed BEFORE DELETE ON questions
WHEN NOT OLD.anonymous
BEGIN
  UPDATE member_days SET acts = member_days.acts - x.acts, answered = member_days.answered - x.answered
  FROM (SELECT v.day, v.member_id, COUNT(*) AS acts, SUM(v.answered) AS answered FROM asker_thread_acts v
        WHERE v.question_id = OLD.id GROUP BY v.day, v.member_id) x
  WHERE TRUE AND member_days.day = x.day AND member_days.member_id = x.member_id;
  DELETE FROM member_days WHERE acts <= 0 AND (day, member_id) IN (SELECT v.day, v.member_id FROM asker_thread_acts v WHERE v.question_id = OLD.id);
END;
-- Before an answer's deletion cascades to its reactions (its kudos too, should any remain); the
-- answer itself is taken out by its own AFTER DELETE trigger. A question being deleted is gone
-- already, so this does nothing then.
CREATE TRIGGER answers_member_days_thread_removed BEFORE DELETE ON answers
WHEN EXISTS (SELECT 1 FROM questions q WHERE q.id = OLD.question_id AND NOT q.anonymous)
BEGIN
  UPDATE member_days SET acts = member_days.acts - x.acts, answered = member_days.answered - x.answered
  FROM (SELECT v.day, v.member_id, COUNT(*) AS acts, SUM(v.answered) AS answered FROM asker_thread_acts v
        WHERE v.answer_id = OLD.id AND v.answered = 0 GROUP BY v.day, v.member_id) x
  WHERE TRUE AND member_days.day = x.day AND member_days.member_id = x.member_id;
  DELETE FROM member_days WHERE acts <= 0 AND (day, member_id) IN (SELECT v.day, v.member_id FROM asker_thread_acts v WHERE v.answer_id = OLD.id AND v.answered = 0);
END;
