-- Customer service notes: dated, with their author, kept next to the customer (customer 360). Notes are only added.
CREATE TABLE customer_note (
    id          UUID PRIMARY KEY,
    customer_id UUID          NOT NULL REFERENCES customer (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    author      VARCHAR(100)  NOT NULL,
    text        VARCHAR(2000) NOT NULL
);

CREATE INDEX customer_note_customer_idx ON customer_note (customer_id, created_at);
