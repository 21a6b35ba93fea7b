-- Customers get a human number, CUS-000001, in creation order. One counter row hands them out: the row lock serialises
-- the few creations of customers and a rollback gives the number back, so numbers stay without gaps. The same SQL on
-- PostgreSQL and H2 (a sequence could not be restarted past the existing customers in one common spelling).
CREATE TABLE customer_number_counter (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    last_number BIGINT  NOT NULL CHECK (last_number >= 0)
);

ALTER TABLE customer ADD COLUMN number VARCHAR(32);

-- Existing customers are numbered by creation time (id breaks ties), through a keyed scratch table so that the update
-- reads one row per customer.
CREATE TABLE customer_number_backfill (
    id       UUID   PRIMARY KEY,
    position BIGINT NOT NULL
);
INSERT INTO customer_number_backfill (id, position)
    SELECT id, ROW_NUMBER() OVER (ORDER BY created_at, id) FROM customer;

UPDATE customer SET number = (
    SELECT 'CUS-' || CASE WHEN b.position < 1000000 THEN LPAD(CAST(b.position AS VARCHAR), 6, '0')
                          ELSE CAST(b.position AS VARCHAR) END
    FROM customer_number_backfill b WHERE b.id = customer.id);

INSERT INTO customer_number_counter (id, last_number) SELECT 1, COUNT(*) FROM customer;

DROP TABLE customer_number_backfill;

ALTER TABLE customer ALTER COLUMN number SET NOT NULL;
ALTER TABLE customer ADD CONSTRAINT customer_number_key UNIQUE (number);
