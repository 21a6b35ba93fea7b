-- Each line's promised date and what it rests on: STOCK, a purchase order line (e.g. PO-000012/1), LEAD_TIME or DEFAULT.
-- The order's promised_date is the latest of its lines'. Lines placed before stay without one until they are promised again.
ALTER TABLE order_line ADD COLUMN promised_date DATE;
ALTER TABLE order_line ADD COLUMN promise_source VARCHAR(40);
