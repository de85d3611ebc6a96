-- Tag counts kept with the posts, so the topic lists (home, Ask, /tags, GET /tags) read one
-- row per tag instead of counting every post on every request. The counts follow the rule
-- the lists always had: posts a moderator hid are not counted. Triggers keep them: adding
-- or removing a tag on a visible post, hiding or showing a post, and deleting a post (its
-- tags are unlinked first, while the post is still there to say whether it was visible).
ALTER TABLE tags ADD COLUMN question_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tags ADD COLUMN post_count BIGINT NOT NULL DEFAULT 0;
UPDATE tags SET
  question_count = (SELECT COUNT(*) FROM question_tags x JOIN questions p ON p.id = x.question_id WHERE x.tag_id = tags.id AND p.hidden_at IS NULL),
  post_count = (SELECT COUNT(*) FROM question_tags x JOIN questions p ON p.id = x.question_id WHERE x.tag_id = tags.id AND p.hidden_at IS NULL)
    + (SELECT COUNT(*) FROM tip_tags x JOIN tips p ON p.id = x.tip_id WHERE x.tag_id = tags.id AND p.hidden_at IS NULL)
    + (SELECT COUNT(*) FROM win_tags x JOIN wins p ON p.id = x.win_id WHERE x.tag_id = tags.id AND p.hidden_at IS NULL);
CREATE INDEX tags_busiest ON tags (post_count DESC, slug);

CREATE TRIGGER question_tags_counted AFTER INSERT ON question_tags
BEGIN
  UPDATE tags SET question_count = question_count + 1, post_count = post_count + 1
  WHERE id = NEW.tag_id AND EXISTS (SELECT 1 FROM questions WHERE id = NEW.question_id AND hidden_at IS NULL);
END;
CREATE TRIGGER question_tags_uncounted AFTER DELETE ON question_tags
BEGIN
  UPDATE tags SET question_count = question_count - 1, post_count = post_count - 1
  WHERE id = OLD.tag_id AND EXISTS (SELECT 1 FROM questions WHERE id = OLD.question_id AND hidden_at IS NULL);
END;
CREATE TRIGGER questions_hidden_counted AFTER UPDATE OF hidden_at ON questions
WHEN (OLD.hidden_at IS NULL) <> (NEW.hidden_at IS NULL)
BEGIN
  UPDATE tags SET question_count = question_count + CASE WHEN NEW.hidden_at IS NULL THEN 1 ELSE -1 END, post_count = post_count + CASE WHEN NEW.hidden_at IS NULL THEN 1 ELSE -1 END
  WHERE id IN (SELECT tag_id FROM question_tags WHERE question_id = NEW.id);
END;
CREATE TRIGGER questions_unlink_tags BEFORE DELETE ON questions
BEGIN
  DELETE FROM question_tags WHERE question_id = OLD.id;
END;

CREATE TRIGGER tip_tags_counted AFTER INSERT ON tip_tags
BEGIN
  UPDATE tags SET post_count = post_count + 1
  WHERE id = NEW.tag_id AND EXISTS (SELECT 1 FROM tips WHERE id = NEW.tip_id AND hidden_at IS NULL);
END;
CREATE TRIGGER tip_tags_uncounted AFTER DELETE ON tip_tags
BEGIN
  UPDATE tags SET post_count = post_count - 1
  WHERE id = OLD.tag_id AND EXISTS (SELECT 1 FROM tips WHERE id = OLD.tip_id AND hidden_at IS NULL);
END;
CREATE TRIGGER tips_hidden_counted AFTER UPDATE OF hidden_at ON tips
WHEN (OLD.hidden_at IS NULL) <> (NEW.hidden_at IS NULL)
BEGIN
  UPDATE tags SET post_count = post_count + CASE WHEN NEW.hidden_at IS NULL THEN 1 ELSE -1 END
  WHERE id IN (SELECT tag_id FROM tip_tags WHERE tip_id = NEW.id);
END;
CREATE TRIGGER tips_unlink_tags BEFORE DELETE ON tips
BEGIN
  DELETE FROM tip_tags WHERE tip_id = OLD.id;
END;

CREATE TRIGGER win_tags_counted AFTER INSERT ON win_tags
BEGIN
  UPDATE tags SET post_count = post_count + 1
  WHERE id = NEW.tag_id AND EXISTS (SELECT 1 FROM wins WHERE id = NEW.win_id AND hidden_at IS NULL);
END;
CREATE TRIGGER win_tags_uncounted AFTER DELETE ON win_tags
BEGIN
  UPDATE tags SET post_count = post_count - 1
  WHERE id = OLD.tag_id AND EXISTS (SELECT 1 FROM wins WHERE id = OLD.win_id AND hidden_at IS NULL);
END;
CREATE TRIGGER wins_hidden_counted AFTER UPDATE OF hidden_at ON wins
WHEN (OLD.hidden_at IS NULL) <> (NEW.hidden_at IS NULL)
BEGIN
  UPDATE tags SET post_count = post_count + CASE WHEN NEW.hidden_at IS NULL THEN 1 ELSE -1 END
  WHERE id IN (SELECT tag_id FROM win_tags WHERE win_id = NEW.id);
END;
CREATE TRIGGER wins_unlink_tags BEFORE DELETE ON wins
BEGIN
  DELETE FROM win_tags WHERE win_id = OLD.id;
END;
