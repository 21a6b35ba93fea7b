-- Pricing: price lists in one currency for a period, assigned to customers, with prices per SKU and quantity breaks
-- (min_quantity 1 is the price without a break); promotions for a period. At most one price list applies to a customer,
-- currency and day (the pricing module refuses overlaps). Order lines keep what they were priced at when placed:
-- the catalog's list price, the rule that gave the base price and their discounts (a JSON array), so a later change of a
-- price list or promotion never changes an existing order.
CREATE TABLE price_list (
    id         UUID PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    currency   CHAR(3)      NOT NULL,
    valid_from DATE         NOT NULL,
    valid_to   DATE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    CONSTRAINT price_list_period_ck CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE price_list_customer (
    price_list_id UUID NOT NULL REFERENCES price_list (id),
    customer_id   UUID NOT NULL,
    CONSTRAINT price_list_customer_pk PRIMARY KEY (price_list_id, customer_id)
);
CREATE INDEX price_list_customer_customer_idx ON price_list_customer (customer_id);

CREATE TABLE price_list_price (
    price_list_id UUID          NOT NULL REFERENCES price_list (id),
    sku           VARCHAR(64)   NOT NULL,
    min_quantity  BIGINT        NOT NULL CHECK (min_quantity >= 1),
    unit_price    NUMERIC(19, 4) NOT NULL CHECK (unit_price >= 0),
    CONSTRAINT price_list_price_pk PRIMARY KEY (price_list_id, sku, min_quantity)
);
CREATE INDEX price_list_price_sku_idx ON price_list_price (sku);

-- kind PERCENT (percent off), AMOUNT (amount off each unit, in currency), BUY_GET (buy buy_quantity, get
-- free_quantity more free) on the SKUs in promotion_sku; FREE_SHIPPING on orders whose goods reach amount in currency.
CREATE TABLE promotion (
    id            UUID PRIMARY KEY,
    name          VARCHAR(200)  NOT NULL,
    kind          VARCHAR(16)   NOT NULL CHECK (kind IN ('PERCENT', 'AMOUNT', 'BUY_GET', 'FREE_SHIPPING')),
    percent       NUMERIC(7, 4),
    amount        NUMERIC(19, 4),
    currency      CHAR(3),
    buy_quantity  BIGINT,
    free_quantity BIGINT,
    valid_from    DATE          NOT NULL,
    valid_to      DATE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    CONSTRAINT promotion_period_ck CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX promotion_valid_idx ON promotion (valid_from, valid_to);

CREATE TABLE promotion_sku (
    promotion_id UUID        NOT NULL REFERENCES promotion (id),
    sku          VARCHAR(64) NOT NULL,
    CONSTRAINT promotion_sku_pk PRIMARY KEY (promotion_id, sku)
);
CREATE INDEX promotion_sku_sku_idx ON promotion_sku (sku);

-- list_price: the catalog's price when placed; null for lines placed before pricing (their unit price was the list price).
ALTER TABLE order_line ADD COLUMN list_price NUMERIC(19, 4);
ALTER TABLE order_line ADD COLUMN price_rule VARCHAR(300);
ALTER TABLE order_line ADD COLUMN discounts VARCHAR(4000);
