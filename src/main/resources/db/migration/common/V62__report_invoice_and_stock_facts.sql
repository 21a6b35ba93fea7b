-- More facts of the key figures, derived by reporting (docs/performance.md, "Key figures from per-day facts").
-- Credit sales of days sales outstanding: per issue date and currency, the invoices and credit notes that count (issued,
-- not voided) and the sum of their totals (credit notes count negative).
CREATE TABLE report_invoice_day (
    fact_day     DATE           NOT NULL,
    currency     CHAR(3)        NOT NULL,
    documents    BIGINT         NOT NULL,
    credit_sales NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (fact_day, currency)
);

-- The stock ledger per SKU and company month (fact_month = year * 100 + month): the sum of the movements, the units
-- shipped and the last shipment. Movements never change, so the months only ever add the movements up to the
-- watermark's settled_id; a reader adds those after it from the ledger.
CREATE TABLE report_stock_month (
    sku             VARCHAR(64) NOT NULL,
    fact_month      INTEGER     NOT NULL,
    net_units       BIGINT      NOT NULL,
    shipped_units   BIGINT      NOT NULL,
    last_shipped_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (sku, fact_month)
);

INSERT INTO report_fact_watermark (source) VALUES ('invoice_audit');
INSERT INTO report_fact_watermark (source) VALUES ('stock_movement');

-- the part-months at a period's two ends are read from the ledger by time
CREATE INDEX stock_movement_created_idx ON stock_movement (created_at);
