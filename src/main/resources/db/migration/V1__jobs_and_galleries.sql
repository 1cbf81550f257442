-- Jobs: one row per request; the pixels live in job_result so status reads stay small.
-- job_result gets the GAN base when a job starts and the picture when it is done.
CREATE TABLE job (
    id           uuid PRIMARY KEY,
    owner        varchar(64)      NOT NULL,
    status       varchar(16)      NOT NULL,
    prompt       varchar(500)     NOT NULL,
    seed         bigint           NOT NULL,
    steps        integer          NOT NULL,
    skip         double precision NOT NULL,
    guidance     double precision NOT NULL,
    grid         integer          NOT NULL,
    blend        varchar(16)      NOT NULL,
    step         integer          NOT NULL DEFAULT 0,
    created_at   timestamptz      NOT NULL,
    started_at   timestamptz,
    finished_at  timestamptz,
    error        text,
    CONSTRAINT job_status_check CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'))
);
CREATE INDEX job_status_created_idx ON job (status, created_at);

CREATE TABLE job_result (
    job_id      uuid PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
    image_png   bytea,
    init_png    bytea NOT NULL,
    metadata    text
);

CREATE TABLE gallery (
    id          uuid PRIMARY KEY,
    owner       varchar(64)  NOT NULL,
    name        varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL
);
CREATE INDEX gallery_owner_idx ON gallery (owner, created_at);

CREATE TABLE gallery_item (
    id          uuid PRIMARY KEY,
    gallery_id  uuid        NOT NULL REFERENCES gallery (id) ON DELETE CASCADE,
    job_id      uuid        NOT NULL REFERENCES job (id),
    position    integer     NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX gallery_item_gallery_idx ON gallery_item (gallery_id, position);
