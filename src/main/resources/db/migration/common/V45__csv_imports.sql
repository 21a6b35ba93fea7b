-- CSV imports run in the background: the job keeps the file, so any node can carry on after a crash from next_unit,
-- which only moves in the same transaction as the unit (a row, or an order's lines) it counts.
CREATE TABLE import_job (
    id              UUID                     PRIMARY KEY,
    kind            VARCHAR(20)              NOT NULL,
    file_name       VARCHAR(255),
    dry_run         BOOLEAN                  NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    content         TEXT                     NOT NULL,
    owner           VARCHAR(100)             NOT NULL,
    owner_roles     VARCHAR(200)             NOT NULL,
    total_rows      INT                      NOT NULL,
    total_units     INT                      NOT NULL,
    next_unit       INT                      NOT NULL DEFAULT 0,
    processed_rows  INT                      NOT NULL DEFAULT 0,
    applied_rows    INT                      NOT NULL DEFAULT 0,
    unchanged_rows  INT                      NOT NULL DEFAULT 0,
    rejected_rows   INT                      NOT NULL DEFAULT 0,
    failure         VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at    TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX import_job_created_idx ON import_job (created_at);
CREATE INDEX import_job_status_idx ON import_job (status);

-- What became of each row: one entry per row and problem (seq), so a row with two bad columns has two.
CREATE TABLE import_row (
    job_id       UUID          NOT NULL REFERENCES import_job (id),
    line         INT           NOT NULL,
    seq          INT           NOT NULL,
    outcome      VARCHAR(20)   NOT NULL,
    column_name  VARCHAR(100),
    reason       VARCHAR(1000),
    reason_code  VARCHAR(60),
    result       VARCHAR(200),
    PRIMARY KEY (job_id, line, seq)
);

-- An imported order's reference per customer: the same file imported again finds its orders here instead of placing
-- them twice (the primary key also keeps two imports running at once from both placing one).
CREATE TABLE import_order_ref (
    customer_id   UUID          NOT NULL,
    reference     VARCHAR(100)  NOT NULL,
    order_id      UUID          NOT NULL,
    order_number  VARCHAR(40)   NOT NULL,
    PRIMARY KEY (customer_id, reference)
);
