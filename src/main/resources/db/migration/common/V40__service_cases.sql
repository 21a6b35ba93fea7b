-- Customer service cases: raised by staff, by the customer in the portal or by a carrier's delivery exception, with
-- their conversation. origin_key is unique: an exception delivered twice opens one case. due_at is the next target
-- to meet (the first response, then the resolution), empty once resolved: the queue sorts by it.
CREATE SEQUENCE service_case_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE service_case (
    id                   UUID                     PRIMARY KEY,
    number               VARCHAR(32)              NOT NULL UNIQUE,
    customer_id          UUID                     NOT NULL,
    order_id             UUID,
    order_number         VARCHAR(32),
    shipment_id          UUID,
    shipment_number      VARCHAR(32),
    invoice_id           UUID,
    invoice_number       VARCHAR(32),
    return_id            UUID,
    return_number        VARCHAR(32),
    type                 VARCHAR(32)              NOT NULL,
    status               VARCHAR(32)              NOT NULL,
    priority             VARCHAR(16)              NOT NULL,
    subject              VARCHAR(200)             NOT NULL,
    assignee             VARCHAR(100),
    origin               VARCHAR(16)              NOT NULL,
    origin_key           VARCHAR(200)             UNIQUE,
    created_by           VARCHAR(100)             NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    first_response_due   TIMESTAMP WITH TIME ZONE NOT NULL,
    resolution_due       TIMESTAMP WITH TIME ZONE NOT NULL,
    first_responded_at   TIMESTAMP WITH TIME ZONE,
    resolved_at          TIMESTAMP WITH TIME ZONE,
    closed_at            TIMESTAMP WITH TIME ZONE,
    reopen_count         INTEGER                  DEFAULT 0 NOT NULL,
    due_at               TIMESTAMP WITH TIME ZONE,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT                   DEFAULT 0 NOT NULL
);
CREATE INDEX service_case_customer_idx ON service_case (customer_id, created_at);
CREATE INDEX service_case_order_idx ON service_case (order_id);
CREATE INDEX service_case_shipment_idx ON service_case (shipment_id);
CREATE INDEX service_case_due_idx ON service_case (status, due_at);

CREATE TABLE service_case_message (
    id         UUID                     PRIMARY KEY,
    case_id    UUID                     NOT NULL REFERENCES service_case (id),
    kind       VARCHAR(32)              NOT NULL,
    body       TEXT                     NOT NULL,
    author     VARCHAR(100)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX service_case_message_case_idx ON service_case_message (case_id, created_at);
