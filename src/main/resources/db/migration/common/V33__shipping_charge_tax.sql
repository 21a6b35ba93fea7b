-- The VAT on an order's or invoice's shipping charge: the charge is taxed like the goods it ships, split pro rata by
-- their nets per rate (docs/domain.md, "Shipping charge"); tax = the lines' tax + shipping_tax.
ALTER TABLE sales_order ADD COLUMN shipping_tax NUMERIC(19, 4) DEFAULT 0 NOT NULL;
ALTER TABLE invoice ADD COLUMN shipping_tax NUMERIC(19, 4) DEFAULT 0 NOT NULL;
