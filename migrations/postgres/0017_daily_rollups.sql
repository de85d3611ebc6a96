-- Who was active on which day, for the health figures' "active members", "first-time askers"
-- and "new contributors": per UTC day and member, how many acts the figures may attribute to
-- them (`acts`), and of those how many questions asked by name (`asked`), answers (`answered`)
-- and tips (`tipped`). A period's whole days read these rows — a few per member and day —
-- instead of every question, answer, reaction, tip, win and kudos of the period; only its
-- partial first and last day read the acts themselves.
--
-- Only acts whose attribution is fixed when they are written are counted here: questions asked
-- by name (a question's own trigger moves it in and out as its anonymity changes), and the
-- answers, reactions and kudos that are not by the question's asker inside her own thread
-- (`by_asker`). What an asker does inside her own thread belongs to her only while the
-- question is not anonymous, which can change at any time, so those acts are read from the
-- tables at query time (partial indexes below). Nothing anonymous is stored here: a row names
-- a member only for acts that show their name, and a row whose acts fall to zero is removed.

-- No act is written between the backfills below and the triggers that keep the rollups from
-- then on (another replica may be serving): such an act would be missing from `member_days`,
-- and its later removal would take away one of its member's other acts of that day.
LOCK TABLE questions, answers, answer_reactions, tip_reactions, tips, wins, kudos IN SHARE ROW EXCLUSIVE MODE;

-- Whether kudos were given by the asker of the answer's question (inside her own thread):
-- fixed when given, like `by_asker` of answers and reactions (migration 0015).
ALTER TABLE kudos ADD COLUMN by_asker BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE kudos SET by_asker = TRUE
WHERE target_kind = 'answer' AND giver_id = (SELECT q.author_id FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = kudos.target_id);
-- Set by the database as well as by the service: every figure trusts this flag to keep an
-- anonymous asker's kudos in her own thread from naming her, so a writer that does not know
-- it (a replica of an older version during an upgrade, an import) cannot leave it false.
CREATE FUNCTION kudos_by_asker_set() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.by_asker := NEW.target_kind = 'answer' AND EXISTS (SELECT 1 FROM answers a JOIN questions q ON q.id = a.question_id
    WHERE a.id = NEW.target_id AND q.author_id = NEW.giver_id);
  RETURN NEW;
END $$;
CREATE TRIGGER kudos_by_asker_set BEFORE INSERT ON kudos FOR EACH ROW EXECUTE FUNCTION kudos_by_asker_set();
CREATE INDEX answers_by_asker_time ON answers (created_at) WHERE by_asker;
CREATE INDEX answer_reactions_by_asker_time ON answer_reactions (created_at) WHERE by_asker;
CREATE INDEX kudos_by_asker_time ON kudos (created_at) WHERE by_asker;

CREATE TABLE member_days (
    day        BIGINT NOT NULL,
    member_id  BIGINT NOT NULL,
    acts       BIGINT NOT NULL DEFAULT 0,
    asked      BIGINT NOT NULL DEFAULT 0,
    answered   BIGINT NOT NULL DEFAULT 0,
    tipped     BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, member_id)
);

INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
SELECT day, member_id, COUNT(*), SUM(asked), SUM(answered), SUM(tipped) FROM (
  SELECT created_at / 86400000000 AS day, author_id AS member_id, 1 AS asked, 0 AS answered, 0 AS tipped FROM questions WHERE NOT anonymous
  UNION ALL
  SELECT created_at / 86400000000 AS day, author_id AS member_id, 0 AS asked, 1 AS answered, 0 AS tipped FROM answers WHERE NOT by_asker
  UNION ALL
  SELECT created_at / 86400000000 AS day, member_id AS member_id, 0 AS asked, 0 AS answered, 0 AS tipped FROM answer_reactions WHERE NOT by_asker
  UNION ALL
  SELECT created_at / 86400000000 AS day, member_id AS member_id, 0 AS asked, 0 AS answered, 0 AS tipped FROM tip_reactions
  UNION ALL
  SELECT created_at / 86400000000 AS day, author_id AS member_id, 0 AS asked, 0 AS answered, 1 AS tipped FROM tips
  UNION ALL
  SELECT created_at / 86400000000 AS day, author_id AS member_id, 0 AS asked, 0 AS answered, 0 AS tipped FROM wins
  UNION ALL
  SELECT created_at / 86400000000 AS day, giver_id AS member_id, 0 AS asked, 0 AS answered, 0 AS tipped FROM kudos WHERE NOT by_asker
) x GROUP BY day, member_id;

CREATE FUNCTION questions_member_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only when the day or the anonymity changes: every PATCH names `anonymous`.
  IF TG_OP = 'UPDATE' AND OLD.created_at = NEW.created_at AND OLD.anonymous = NEW.anonymous THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
  UPDATE member_days SET acts = acts - 1, asked = asked - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.author_id AND NOT OLD.anonymous;
  DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.author_id AND acts <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
  INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
  SELECT NEW.created_at / 86400000000, NEW.author_id, 1, 1, 0, 0 WHERE NOT NEW.anonymous
  ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER questions_member_days_counted AFTER INSERT OR DELETE OR UPDATE OF created_at, anonymous ON questions
FOR EACH ROW EXECUTE FUNCTION questions_member_days_count();
CREATE FUNCTION answers_member_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
  UPDATE member_days SET acts = acts - 1, answered = answered - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.author_id AND NOT OLD.by_asker;
  DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.author_id AND acts <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
  INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
  SELECT NEW.created_at / 86400000000, NEW.author_id, 1, 0, 1, 0 WHERE NOT NEW.by_asker
  ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER answers_member_days_counted AFTER INSERT OR DELETE OR UPDATE OF created_at ON answers
FOR EACH ROW EXECUTE FUNCTION answers_member_days_count();
CREATE FUNCTION answer_reactions_member_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
  UPDATE member_days SET acts = acts - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.member_id AND NOT OLD.by_asker;
  DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.member_id AND acts <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
  INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
  SELECT NEW.created_at / 86400000000, NEW.member_id, 1, 0, 0, 0 WHERE NOT NEW.by_asker
  ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER answer_reactions_member_days_counted AFTER INSERT OR DELETE OR UPDATE OF created_at ON answer_reactions
FOR EACH ROW EXECUTE FUNCTION answer_reactions_member_days_count();
CREATE FUNCTION tip_reactions_member_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
  UPDATE member_days SET acts = acts - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.member_id AND TRUE;
  DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.member_id AND acts <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
  INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
  SELECT NEW.created_at / 86400000000, NEW.member_id, 1, 0, 0, 0 WHERE TRUE
  ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER tip_reactions_member_days_counted AFTER INSERT OR DELETE OR UPDATE OF created_at ON tip_reactions
FOR EACH ROW EXECUTE FUNCTION tip_reactions_member_days_count();
CREATE FUNCTION tips_member_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
  UPDATE member_days SET acts = acts - 1, tipped = tipped - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.author_id AND TRUE;
  DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.author_id AND acts <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
  INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
  SELECT NEW.created_at / 86400000000, NEW.author_id, 1, 0, 0, 1 WHERE TRUE
  ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER tips_member_days_counted AFTER INSERT OR DELETE OR UPDATE OF created_at ON tips
FOR EACH ROW EXECUTE FUNCTION tips_member_days_count();
CREATE FUNCTION wins_member_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
  UPDATE member_days SET acts = acts - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.author_id AND TRUE;
  DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.author_id AND acts <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
  INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
  SELECT NEW.created_at / 86400000000, NEW.author_id, 1, 0, 0, 0 WHERE TRUE
  ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER wins_member_days_counted AFTER INSERT OR DELETE OR UPDATE OF created_at ON wins
FOR EACH ROW EXECUTE FUNCTION wins_member_days_count();
CREATE FUNCTION kudos_member_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
  UPDATE member_days SET acts = acts - 1 WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.giver_id AND NOT OLD.by_asker;
  DELETE FROM member_days WHERE day = OLD.created_at / 86400000000 AND member_id = OLD.giver_id AND acts <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
  INSERT INTO member_days (day, member_id, acts, asked, answered, tipped)
  SELECT NEW.created_at / 86400000000, NEW.giver_id, 1, 0, 0, 0 WHERE NOT NEW.by_asker
  ON CONFLICT (day, member_id) DO UPDATE SET acts = member_days.acts + excluded.acts, asked = member_days.asked + excluded.asked, answered = member_days.answered + excluded.answered, tipped = member_days.tipped + excluded.tipped;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER kudos_member_days_counted AFTER INSERT OR DELETE OR UPDATE OF created_at ON kudos
FOR EACH ROW EXECUTE FUNCTION kudos_member_days_count();

-- The per-question figures of `question_hours` (migration 0015) by UTC day as well, kept by the
-- same kind of triggers: a period's whole days sum these rows, its partial first and last day
-- the hours, and only its partial first and last hour read the questions (24 times fewer rows
-- for a month than by the hour: ~76,000 hour rows for 13 months of a large community).
CREATE TABLE question_days (
    day                          BIGINT  NOT NULL,
    shard                         INTEGER NOT NULL,
    asked                         BIGINT  NOT NULL DEFAULT 0,
    answered                      BIGINT  NOT NULL DEFAULT 0,
    answered_within_24h           BIGINT  NOT NULL DEFAULT 0,
    anonymous                     BIGINT  NOT NULL DEFAULT 0,
    anonymous_answered_within_24h BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (day, shard)
);
INSERT INTO question_days (day, shard, asked, answered, answered_within_24h, anonymous, anonymous_answered_within_24h)
SELECT t.created_at / 86400000000, t.id % 8, COUNT(*),
  SUM(CASE WHEN t.first_answer_at IS NOT NULL THEN 1 ELSE 0 END),
  SUM(CASE WHEN t.first_answer_at - t.created_at <= 86400000000 THEN 1 ELSE 0 END),
  SUM(CASE WHEN t.anonymous THEN 1 ELSE 0 END),
  SUM(CASE WHEN t.anonymous AND t.first_answer_at - t.created_at <= 86400000000 THEN 1 ELSE 0 END)
FROM questions t GROUP BY t.created_at / 86400000000, t.id % 8;
CREATE FUNCTION questions_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.created_at = NEW.created_at AND OLD.anonymous = NEW.anonymous
     AND OLD.first_answer_at IS NOT DISTINCT FROM NEW.first_answer_at THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE question_days SET asked = asked - 1,
    answered = answered - CASE WHEN OLD.first_answer_at IS NOT NULL THEN 1 ELSE 0 END,
    answered_within_24h = answered_within_24h - CASE WHEN OLD.first_answer_at - OLD.created_at <= 86400000000 THEN 1 ELSE 0 END,
    anonymous = anonymous - CASE WHEN OLD.anonymous THEN 1 ELSE 0 END,
    anonymous_answered_within_24h = anonymous_answered_within_24h - CASE WHEN OLD.anonymous AND OLD.first_answer_at - OLD.created_at <= 86400000000 THEN 1 ELSE 0 END
  WHERE day = OLD.created_at / 86400000000 AND shard = OLD.id % 8;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO question_days (day, shard, asked, answered, answered_within_24h, anonymous, anonymous_answered_within_24h)
  VALUES (NEW.created_at / 86400000000, NEW.id % 8, 1, CASE WHEN NEW.first_answer_at IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at - NEW.created_at <= 86400000000 THEN 1 ELSE 0 END, CASE WHEN NEW.anonymous THEN 1 ELSE 0 END, CASE WHEN NEW.anonymous AND NEW.first_answer_at - NEW.created_at <= 86400000000 THEN 1 ELSE 0 END)
  ON CONFLICT (day, shard) DO UPDATE SET asked = question_days.asked + excluded.asked,
    answered = question_days.answered + excluded.answered,
    answered_within_24h = question_days.answered_within_24h + excluded.answered_within_24h,
    anonymous = question_days.anonymous + excluded.anonymous,
    anonymous_answered_within_24h = question_days.anonymous_answered_within_24h + excluded.anonymous_answered_within_24h;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER questions_days_counted AFTER INSERT OR DELETE OR UPDATE OF created_at, first_answer_at, anonymous ON questions
FOR EACH ROW EXECUTE FUNCTION questions_days_count();
