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
