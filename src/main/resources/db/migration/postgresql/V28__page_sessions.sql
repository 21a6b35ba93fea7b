-- The pages' sessions (sign-in, CSRF token, flash messages) and the progress of their background jobs live in the
-- database, so any node answers any page and a node that stops logs nobody out.

-- Spring Session JDBC's schema (org/springframework/session/jdbc/schema-postgresql.sql), under the table name
-- spring.session.jdbc.table-name gives it; its cleanup deletes expired sessions (the attributes go with them).
CREATE TABLE page_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT page_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX page_session_ix1 ON page_session (session_id);
CREATE INDEX page_session_ix2 ON page_session (expiry_time);
CREATE INDEX page_session_ix3 ON page_session (principal_name);

CREATE TABLE page_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA         NOT NULL,
    CONSTRAINT page_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT page_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES page_session (primary_id)
        ON DELETE CASCADE
);

-- A long action started from a page (an export, a reminder run): its progress, then its result as JSON (read back as
-- result_type). Rows are deleted a while after the job ends (PageJobs).
CREATE TABLE page_job (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    kind        VARCHAR(20)  NOT NULL,
    owner       VARCHAR(100) NOT NULL,
    state       VARCHAR(10)  NOT NULL,
    total       INT          NOT NULL DEFAULT 0,
    done        INT          NOT NULL DEFAULT 0,
    result_type VARCHAR(200),
    result      TEXT,
    errors      TEXT,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX page_job_owner_idx ON page_job (owner, state);
CREATE INDEX page_job_started_idx ON page_job (started_at);
