-- A product's merchandise category (e.g. Fasteners), for browsing, filtering and promotions; not its tax category.
ALTER TABLE product ADD COLUMN category VARCHAR(60);
CREATE INDEX product_category_idx ON product (category);
