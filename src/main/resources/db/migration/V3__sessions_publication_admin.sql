-- Issue 5: display names, publication to the public gallery through admin review, and the audit log.

CREATE TABLE session_profile (
    id            varchar(64)  PRIMARY KEY,
    display_name  varchar(40),
    updated_at    timestamptz  NOT NULL
);

-- An item's publication state: private (default) -> pending -> public | rejected; public <-> hidden.
ALTER TABLE gallery_item
    ADD COLUMN status        varchar(16) NOT NULL DEFAULT 'private',
    ADD COLUMN published_at  timestamptz,
    ADD CONSTRAINT gallery_item_status_check
        CHECK (status IN ('private', 'pending', 'public', 'rejected', 'hidden'));
-- The public gallery's keyset: newest publication first, id breaking ties.
CREATE INDEX gallery_item_public_idx ON gallery_item (published_at DESC, id DESC) WHERE status = 'public';

-- Full-text search over prompts (the public gallery's q=).
ALTER TABLE job ADD COLUMN prompt_tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('english', prompt)) STORED;
CREATE INDEX job_prompt_tsv_idx ON job USING gin (prompt_tsv);

-- Small PNGs for the galleries, made on first request and kept.
ALTER TABLE job_result ADD COLUMN thumb_png bytea;

-- One row per request to publish; an admin approves or rejects it.
CREATE TABLE review (
    id            uuid         PRIMARY KEY,
    item_id       uuid         NOT NULL REFERENCES gallery_item (id) ON DELETE CASCADE,
    status        varchar(16)  NOT NULL,
    reason        varchar(500),
    submitted_at  timestamptz  NOT NULL,
    decided_at    timestamptz,
    decided_by    varchar(100),
    CONSTRAINT review_status_check CHECK (status IN ('pending', 'approved', 'rejected'))
);
CREATE INDEX review_status_idx ON review (status, submitted_at);
-- At most one open review per item.
CREATE UNIQUE INDEX review_one_pending_idx ON review (item_id) WHERE status = 'pending';

-- Logged-in admin browsers; only a hash of the cookie's token is kept.
CREATE TABLE admin_session (
    token_sha256  varchar(64)  PRIMARY KEY,
    username      varchar(100) NOT NULL,
    created_at    timestamptz  NOT NULL,
    expires_at    timestamptz  NOT NULL
);

-- Every admin action. Not tied to items by a foreign key, so it outlives what it describes.
CREATE TABLE audit_log (
    id      bigserial     PRIMARY KEY,
    at      timestamptz   NOT NULL,
    admin   varchar(100)  NOT NULL,
    action  varchar(32)   NOT NULL,
    target  varchar(64)   NOT NULL,
    detail  varchar(1000)
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
