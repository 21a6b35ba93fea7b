-- VAT rates by country x tax category, each valid from one day to another (valid_to inclusive; null: until changed).
-- Which country's rates apply (the seller's, the destination's under OSS, or none: K, G, E at 0 %) is the catalog's
-- rule book (VatPolicy), no longer a row here: tax_rate's export rows and its British rows go. A sale is priced at
-- the rate valid on the order's placement date; order and invoice lines keep the rate they were given.
-- Seeded rates: the standard and reduced rates of the member states below as published by the European Commission,
-- checked on 2025-01-01; the history before that is not kept (valid_from 2000-01-01 stands for "long before").
CREATE TABLE vat_rate (
    country      CHAR(2)       NOT NULL,
    tax_category VARCHAR(32)   NOT NULL REFERENCES tax_category (code),
    rate         NUMERIC(7, 4) NOT NULL CHECK (rate >= 0 AND rate < 1),
    vat_category VARCHAR(2)    NOT NULL CHECK (vat_category IN ('S', 'Z')),
    valid_from   DATE          NOT NULL,
    valid_to     DATE,
    CONSTRAINT vat_rate_pk PRIMARY KEY (country, tax_category, valid_from),
    CONSTRAINT vat_rate_period_ck CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('DE', 'STANDARD', 0.1900, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('DE', 'REDUCED', 0.0700, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('DE', 'ZERO', 0.0000, 'Z', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('AT', 'STANDARD', 0.2000, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('AT', 'REDUCED', 0.1000, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('AT', 'ZERO', 0.0000, 'Z', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('FR', 'STANDARD', 0.2000, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('FR', 'REDUCED', 0.0550, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('FR', 'ZERO', 0.0000, 'Z', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('NL', 'STANDARD', 0.2100, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('NL', 'REDUCED', 0.0900, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('NL', 'ZERO', 0.0000, 'Z', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('IT', 'STANDARD', 0.2200, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('IT', 'REDUCED', 0.1000, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('IT', 'ZERO', 0.0000, 'Z', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('ES', 'STANDARD', 0.2100, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('ES', 'REDUCED', 0.1000, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('ES', 'ZERO', 0.0000, 'Z', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('BE', 'STANDARD', 0.2100, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('BE', 'REDUCED', 0.0600, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('BE', 'ZERO', 0.0000, 'Z', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('PL', 'STANDARD', 0.2300, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('PL', 'REDUCED', 0.0800, 'S', DATE '2000-01-01');
INSERT INTO vat_rate (country, tax_category, rate, vat_category, valid_from) VALUES ('PL', 'ZERO', 0.0000, 'Z', DATE '2000-01-01');

DROP TABLE tax_rate;

-- An order line keeps the EN 16931 VAT category its rate came with (S, Z, K, G, E), as an invoice line does. Lines
-- placed before are read by their rate (the rule book then knew only rates).
ALTER TABLE order_line ADD COLUMN vat_category VARCHAR(2);
UPDATE order_line SET vat_category = CASE WHEN tax_rate > 0 THEN 'S' ELSE 'Z' END;
