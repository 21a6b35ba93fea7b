-- The accounting journal's order of record: one row per booked event (an issued invoice or credit note, a void, a
-- payment received, money allocated from or given back to the customer's account, a refund). The entry itself is derived
-- from the document when exported; this row fixes its place. position comes from journal_counter, incremented with one
-- UPDATE at the end of the booking transaction: its row lock serialises the bookers until they commit, so positions
-- become visible in order and without gaps, and a reader that sees position n has already seen every position below n.
-- An accounting system polling ?after=<position> therefore gets each entry once and never skips one committed late.
-- entry_date is the booking day in the company's time zone.
CREATE TABLE journal_document (
    position    BIGINT      PRIMARY KEY,
    kind        VARCHAR(16) NOT NULL,
    source_id   VARCHAR(40) NOT NULL,
    entry_date  DATE        NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT journal_document_source_uk UNIQUE (kind, source_id)
);
CREATE INDEX journal_document_date_idx ON journal_document (entry_date, position);

CREATE TABLE journal_counter (
    name          VARCHAR(16) PRIMARY KEY,
    last_position BIGINT      NOT NULL CHECK (last_position >= 0)
);
INSERT INTO journal_counter (name, last_position) VALUES ('journal', 0);

-- Books what was issued, paid and refunded before the journal existed, in the order it happened. Dates of allocations,
-- voids and refunds are their days in the database's time zone here (the company zone is configuration the migration
-- does not know); everything booked from now on gets its day in the company's zone. Allocations made with their payment are part of the payment's
-- entry (same created_at); later ones and amounts given back to the account are entries of their own.
INSERT INTO journal_document (position, kind, source_id, entry_date, recorded_at)
SELECT ROW_NUMBER() OVER (ORDER BY e.happened_at, e.kind, e.source_id), e.kind, e.source_id, e.entry_date, e.happened_at
FROM (
    SELECT i.type AS kind, CAST(i.id AS VARCHAR(40)) AS source_id, i.issue_date AS entry_date,
           COALESCE(i.issued_at, i.created_at) AS happened_at
    FROM invoice i WHERE i.number IS NOT NULL
    UNION ALL
    SELECT 'VOID', CAST(i.id AS VARCHAR(40)), CAST(i.voided_at AS DATE), i.voided_at
    FROM invoice i WHERE i.number IS NOT NULL AND i.status = 'VOID' AND i.voided_at IS NOT NULL
    UNION ALL
    SELECT 'PAYMENT', CAST(p.id AS VARCHAR(40)), p.received_on, p.created_at FROM payment p
    UNION ALL
    SELECT 'ALLOCATION', CAST(a.id AS VARCHAR(40)), CAST(a.created_at AS DATE), a.created_at
    FROM payment_allocation a JOIN payment p ON p.id = a.payment_id WHERE a.created_at <> p.created_at
    UNION ALL
    SELECT 'REFUND', CAST(r.id AS VARCHAR(40)), CAST(r.created_at AS DATE), r.created_at FROM payment_refund r
) e;
UPDATE journal_counter SET last_position = (SELECT COALESCE(MAX(position), 0) FROM journal_document) WHERE name = 'journal';
