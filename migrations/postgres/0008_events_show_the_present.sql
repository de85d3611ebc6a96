-- Events show what is visible now, and deliveries carry ids with no order.
--
-- An event names the question, answer, tip and win it is about, so a later change to them
-- (made anonymous, edited, deleted, hidden) rewrites or removes the event and its pending
-- deliveries in the same transaction. Whether an event's audience is hidden (an anonymous
-- asker) is no longer stored: it is read from the question as it is now.
--
-- A delivery's public id (in the admin view and in the `webhook-id` header) is random, so
-- one member's delivery id tells nothing about deliveries to anyone else's subscription.

ALTER TABLE events ADD COLUMN question_id BIGINT;
ALTER TABLE events ADD COLUMN answer_id BIGINT;
ALTER TABLE events ADD COLUMN tip_id BIGINT;
ALTER TABLE events ADD COLUMN win_id BIGINT;
ALTER TABLE events DROP COLUMN conceals_audience;
CREATE INDEX events_question ON events (question_id) WHERE question_id IS NOT NULL;
CREATE INDEX events_answer ON events (answer_id) WHERE answer_id IS NOT NULL;
CREATE INDEX events_tip ON events (tip_id) WHERE tip_id IS NOT NULL;
CREATE INDEX events_win ON events (win_id) WHERE win_id IS NOT NULL;

ALTER TABLE deliveries ADD COLUMN public_id TEXT;
UPDATE deliveries SET public_id = 'dlv_' || substr(md5(random()::text || id::text), 1, 24);
CREATE UNIQUE INDEX deliveries_public_id ON deliveries (public_id);
