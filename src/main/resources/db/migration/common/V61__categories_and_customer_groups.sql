-- A product's merchandise category (e.g. Fasteners), for browsing, filtering and promotions; not its tax category.
ALTER TABLE product ADD COLUMN category VARCHAR(60);
CREATE INDEX product_category_idx ON product (category);

-- A customer's group (e.g. Wholesale): price lists may be assigned to a group as well as to customers.
ALTER TABLE customer ADD COLUMN customer_group VARCHAR(60);
CREATE INDEX customer_group_idx ON customer (customer_group);

-- A price list may be assigned to customer groups as well as to customers; a customer's own list wins over its
-- group's (docs/domain.md, Pricing). At most one list applies to a group, currency and day, as for a customer.
CREATE TABLE price_list_group (
    price_list_id  UUID        NOT NULL REFERENCES price_list (id),
    customer_group VARCHAR(60) NOT NULL,
    CONSTRAINT price_list_group_pk PRIMARY KEY (price_list_id, customer_group)
);
CREATE INDEX price_list_group_group_idx ON price_list_group (customer_group);

-- A promotion covers the products of these categories as well as the SKUs of promotion_sku.
CREATE TABLE promotion_category (
    promotion_id UUID        NOT NULL REFERENCES promotion (id),
    category     VARCHAR(60) NOT NULL,
    CONSTRAINT promotion_category_pk PRIMARY KEY (promotion_id, category)
);
