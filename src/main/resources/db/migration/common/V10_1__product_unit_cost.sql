-- What a unit of a product costs the company (optional), for inventory turnover: cost of goods shipped / inventory value.
ALTER TABLE product ADD COLUMN unit_cost NUMERIC(19, 4) CHECK (unit_cost >= 0);
ALTER TABLE product ADD COLUMN cost_currency CHAR(3);
