-- People who sign in with the company identity provider: one row per (issuer, subject),
-- pointing at the member it created or was linked to on first sight.
CREATE TABLE member_identities (
    issuer      TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    member_id   BIGINT  NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at  BIGINT  NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX member_identities_member ON member_identities (member_id);
