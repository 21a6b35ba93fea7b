-- A product's merchandise category (e.g. Fasteners), for browsing, filtering and promotions; not its tax category.
ALTER TABLE product ADD COLUMN category VARCHAR(60);
CREATE INDEX product_category_idx ON product (category);

-- A customer's group (e.g. Wholesale): price lists may be assigned to a group as well as to customers.
ALTER TABLE customer ADD COLUMN customer_group VARCHAR(60);
CREATE INDEX customer_group_idx ON customer (customer_group);
