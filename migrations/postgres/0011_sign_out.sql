-- Signing out ends the browser sessions made before it: a session cookie is signed, not stored,
-- so tsunagu remembers when each member last signed out (microseconds since the Unix epoch, like every timestamp) and
-- refuses cookies issued up to then.
ALTER TABLE members ADD COLUMN sessions_ended_at BIGINT;
