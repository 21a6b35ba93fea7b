CREATE TABLE tax_category (
    code VARCHAR(32)  PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    rate NUMERIC(7, 4) NOT NULL CHECK (rate >= 0 AND rate < 1)
);
-- Simple per-category rates until destination-country tax arrives with invoicing.
INSERT INTO tax_category (code, name, rate) VALUES ('STANDARD', 'Standard rate', 0.2000);
INSERT INTO tax_category (code, name, rate) VALUES ('REDUCED', 'Reduced rate', 0.0700);
INSERT INTO tax_category (code, name, rate) VALUES ('ZERO', 'Zero rate', 0.0000);

CREATE TABLE product (
    sku          VARCHAR(64)    PRIMARY KEY,
    name         VARCHAR(200)   NOT NULL,
    description  VARCHAR(4000),
    unit_price   NUMERIC(19, 4) NOT NULL CHECK (unit_price >= 0),
    currency     CHAR(3)        NOT NULL,
    tax_category VARCHAR(32)    NOT NULL REFERENCES tax_category (code),
    gtin         VARCHAR(14),
    weight_grams INTEGER CHECK (weight_grams >= 0),
    active       BOOLEAN        NOT NULL DEFAULT TRUE,
    version      BIGINT         NOT NULL DEFAULT 0,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX product_gtin_uk ON product (gtin);
CREATE INDEX product_name_idx ON product (name);

CREATE TABLE customer (
    id                   UUID PRIMARY KEY,
    name                 VARCHAR(200)   NOT NULL,
    email                VARCHAR(254),
    phone                VARCHAR(40),
    billing_name         VARCHAR(200),
    billing_line1        VARCHAR(200),
    billing_line2        VARCHAR(200),
    billing_city         VARCHAR(100),
    billing_region       VARCHAR(100),
    billing_postal_code  VARCHAR(20),
    billing_country      CHAR(2),
    shipping_name        VARCHAR(200),
    shipping_line1       VARCHAR(200),
    shipping_line2       VARCHAR(200),
    shipping_city        VARCHAR(100),
    shipping_region      VARCHAR(100),
    shipping_postal_code VARCHAR(20),
    shipping_country     CHAR(2),
    currency             CHAR(3)        NOT NULL,
    credit_limit         NUMERIC(19, 4) NOT NULL CHECK (credit_limit >= 0),
    payment_terms_days   INTEGER        NOT NULL CHECK (payment_terms_days >= 0),
    preferred_warehouse  VARCHAR(32),
    active               BOOLEAN        NOT NULL DEFAULT TRUE,
    version              BIGINT         NOT NULL DEFAULT 0,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX customer_name_idx ON customer (name);
CREATE INDEX customer_email_idx ON customer (email);
