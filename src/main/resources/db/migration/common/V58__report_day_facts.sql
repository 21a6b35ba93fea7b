-- Per-day facts of the key figures, derived from the orders by reporting (docs/performance.md, "Key figures from
-- facts"): a year is about 365 rows per figure. Days are the company's (ordo.company.time-zone, kept in the watermark).
CREATE TABLE report_order_day (
    fact_day          DATE           NOT NULL,
    currency          CHAR(3)        NOT NULL,
    orders            BIGINT         NOT NULL,
    cancelled_orders  BIGINT         NOT NULL,
    order_total       NUMERIC(19, 4) NOT NULL,
    order_lines       BIGINT         NOT NULL,
    backordered_lines BIGINT         NOT NULL,
    units             BIGINT         NOT NULL,
    net_revenue       NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (fact_day, currency)
);

-- Placed -> shipped and placed -> delivered per day, as a histogram of whole seconds: bucket 0 holds durations under
-- a second, bucket b >= 1 those from 1.01^(b-1) up to 1.01^b seconds; with each bucket's smallest and largest value.
CREATE TABLE report_timing_day (
    fact_day         DATE        NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    bucket           INTEGER     NOT NULL,
    orders           BIGINT      NOT NULL,
    min_seconds      BIGINT      NOT NULL,
    max_seconds      BIGINT      NOT NULL,
    by_promised_date BIGINT      NOT NULL,
    PRIMARY KEY (fact_day, kind, bucket)
);

-- How far the facts have taken in the order history: every entry with an id up to settled_id is in them. No
-- settled_id yet, or another time zone than the company's: the facts are rebuilt before they are read. seen_count and
-- seen_id: the entries after settled_id at the last catch-up (entries are never deleted: the same count and last id,
-- nothing new has become visible).
CREATE TABLE report_fact_watermark (
    source     VARCHAR(32) PRIMARY KEY,
    settled_id BIGINT,
    seen_count BIGINT,
    seen_id    BIGINT,
    time_zone  VARCHAR(64),
    rebuilt_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO report_fact_watermark (source) VALUES ('order_history');
