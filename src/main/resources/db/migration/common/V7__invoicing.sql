-- What invoicing needs to know of a customer: when to invoice, whether VAT applies, the buyer's VAT identifier.
ALTER TABLE customer ADD COLUMN invoicing_policy VARCHAR(16) DEFAULT 'ON_SHIPMENT' NOT NULL;
ALTER TABLE customer ADD COLUMN tax_exempt BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE customer ADD COLUMN vat_id VARCHAR(32);

-- Tax rates by tax category x destination country. A pair that is not here falls back to the category's own rate
-- (tax_category.rate, which the order line carries). vat_category is the EN 16931 VAT category code (UNCL 5305):
-- S standard, Z zero rated, G export outside the EU (needs an exemption reason), E exempt.
CREATE TABLE tax_rate (
    tax_category     VARCHAR(32)   NOT NULL REFERENCES tax_category (code),
    country          CHAR(2)       NOT NULL,
    rate             NUMERIC(7, 4) NOT NULL CHECK (rate >= 0 AND rate < 1),
    vat_category     VARCHAR(2)    NOT NULL,
    exemption_reason VARCHAR(200),
    PRIMARY KEY (tax_category, country)
);
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('STANDARD', 'DE', 0.1900, 'S');
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('REDUCED', 'DE', 0.0700, 'S');
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('ZERO', 'DE', 0.0000, 'Z');
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('STANDARD', 'FR', 0.2000, 'S');
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('REDUCED', 'FR', 0.0550, 'S');
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('ZERO', 'FR', 0.0000, 'Z');
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('STANDARD', 'NL', 0.2100, 'S');
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('REDUCED', 'NL', 0.0900, 'S');
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('ZERO', 'NL', 0.0000, 'Z');
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('STANDARD', 'AT', 0.2000, 'S');
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('REDUCED', 'AT', 0.1000, 'S');
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('ZERO', 'AT', 0.0000, 'Z');
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('STANDARD', 'GB', 0.2000, 'S');
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('REDUCED', 'GB', 0.0500, 'S');
INSERT INTO tax_rate (tax_category, country, rate, vat_category) VALUES ('ZERO', 'GB', 0.0000, 'Z');
INSERT INTO tax_rate (tax_category, country, rate, vat_category, exemption_reason) VALUES ('STANDARD', 'US', 0.0000, 'G', 'Export outside the EU');
INSERT INTO tax_rate (tax_category, country, rate, vat_category, exemption_reason) VALUES ('REDUCED', 'US', 0.0000, 'G', 'Export outside the EU');
INSERT INTO tax_rate (tax_category, country, rate, vat_category, exemption_reason) VALUES ('ZERO', 'US', 0.0000, 'G', 'Export outside the EU');

-- One counter per number series (INV-2026, CN-2026, ...). Issuing takes the next number with one UPDATE in the issuing
-- transaction: the row lock serialises the issuers of a series, and a rollback gives the number back (invariant 9).
CREATE TABLE document_series (
    series      VARCHAR(32) PRIMARY KEY,
    last_number BIGINT      NOT NULL CHECK (last_number >= 0)
);

-- Invoices and credit notes. A credit note is a negative document: its quantities and amounts are negative and it
-- references the invoice it credits. Amounts are per-line rounded (invariant 6); total = subtotal - discount + shipping + tax
-- (invariant 7). amount_credited (on invoices: the sum of its credit notes, positive) and amount_paid (the sum of payment
-- allocations, which arrive with payments) make the amount due = total - amount_credited - amount_paid.
-- source_key makes automatic invoicing idempotent: SHIPMENT:<shipment id> or ORDER:<order id>.
CREATE TABLE invoice (
    id                  UUID PRIMARY KEY,
    type                VARCHAR(16)    NOT NULL,
    status              VARCHAR(16)    NOT NULL,
    series              VARCHAR(32),
    sequence_number     BIGINT,
    number              VARCHAR(40),
    source_key          VARCHAR(100),
    order_id            UUID           NOT NULL,
    order_number        VARCHAR(32)    NOT NULL,
    order_reference     VARCHAR(100),
    shipment_id         UUID,
    shipment_number     VARCHAR(40),
    original_invoice_id UUID REFERENCES invoice (id),
    customer_id         UUID           NOT NULL,
    currency            CHAR(3)        NOT NULL,
    issue_date          DATE,
    due_date            DATE,
    payment_terms_days  INTEGER        NOT NULL CHECK (payment_terms_days >= 0),
    buyer_name          VARCHAR(200)   NOT NULL,
    buyer_line1         VARCHAR(200),
    buyer_line2         VARCHAR(200),
    buyer_city          VARCHAR(100),
    buyer_region        VARCHAR(100),
    buyer_postal_code   VARCHAR(20),
    buyer_country       CHAR(2)        NOT NULL,
    buyer_vat_id        VARCHAR(32),
    buyer_email         VARCHAR(254),
    ship_name           VARCHAR(200),
    ship_line1          VARCHAR(200),
    ship_line2          VARCHAR(200),
    ship_city           VARCHAR(100),
    ship_region         VARCHAR(100),
    ship_postal_code    VARCHAR(20),
    ship_country        CHAR(2),
    seller_name         VARCHAR(200)   NOT NULL,
    seller_line1        VARCHAR(200),
    seller_line2        VARCHAR(200),
    seller_city         VARCHAR(100),
    seller_region       VARCHAR(100),
    seller_postal_code  VARCHAR(20),
    seller_country      CHAR(2)        NOT NULL,
    seller_vat_id       VARCHAR(32),
    seller_registration VARCHAR(100),
    seller_iban         VARCHAR(34),
    seller_bic          VARCHAR(11),
    seller_email        VARCHAR(254),
    seller_phone        VARCHAR(40),
    subtotal            NUMERIC(19, 4) NOT NULL,
    discount            NUMERIC(19, 4) NOT NULL,
    shipping            NUMERIC(19, 4) NOT NULL,
    tax                 NUMERIC(19, 4) NOT NULL,
    total               NUMERIC(19, 4) NOT NULL,
    amount_credited     NUMERIC(19, 4) DEFAULT 0 NOT NULL CHECK (amount_credited >= 0),
    amount_paid         NUMERIC(19, 4) DEFAULT 0 NOT NULL CHECK (amount_paid >= 0),
    reason              VARCHAR(500),
    void_reason         VARCHAR(500),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(100)   NOT NULL,
    issued_at           TIMESTAMP WITH TIME ZONE,
    voided_at           TIMESTAMP WITH TIME ZONE,
    version             BIGINT         DEFAULT 0 NOT NULL,
    CONSTRAINT invoice_number_uk UNIQUE (number),
    CONSTRAINT invoice_series_seq_uk UNIQUE (series, sequence_number),
    CONSTRAINT invoice_source_uk UNIQUE (source_key)
);
CREATE INDEX invoice_customer_idx ON invoice (customer_id, created_at);
CREATE INDEX invoice_order_idx ON invoice (order_id);
CREATE INDEX invoice_status_idx ON invoice (status, due_date);
CREATE INDEX invoice_original_idx ON invoice (original_invoice_id);

-- Lines: line_net = unit_price x quantity and tax = line_net x tax_rate, each rounded half-even to the minor unit.
-- order_line_number is null for credit lines that credit an amount rather than a quantity of an order line;
-- credited_line_number is the line of the original invoice a credit note line credits.
CREATE TABLE invoice_line (
    invoice_id           UUID           NOT NULL REFERENCES invoice (id),
    line_number          INTEGER        NOT NULL,
    order_line_number    INTEGER,
    credited_line_number INTEGER,
    sku                  VARCHAR(64),
    description          VARCHAR(500)   NOT NULL,
    quantity             BIGINT         NOT NULL,
    unit_price           NUMERIC(19, 4) NOT NULL CHECK (unit_price >= 0),
    line_net             NUMERIC(19, 4) NOT NULL,
    tax_category         VARCHAR(32)    NOT NULL,
    tax_rate             NUMERIC(7, 4)  NOT NULL,
    vat_category         VARCHAR(2)     NOT NULL,
    exemption_reason     VARCHAR(200),
    tax                  NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (invoice_id, line_number)
);
