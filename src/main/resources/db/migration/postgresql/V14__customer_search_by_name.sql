-- Customers are found by any part of their name or e-mail (LOWER(name) LIKE '%…%'), by the customer search and by the
-- order search, which looks up the customers first. Trigram indexes answer that without reading every customer.
-- pg_trgm ships with PostgreSQL and is a trusted extension (13+), so the database owner may create it; where it cannot
-- be created the searches still work, by reading the table.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%): customer searches read the whole table', SQLERRM;
END
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX customer_name_trgm_idx ON customer USING gin (LOWER(name) gin_trgm_ops);
        CREATE INDEX customer_email_trgm_idx ON customer USING gin (LOWER(email) gin_trgm_ops);
    END IF;
END
$$;
