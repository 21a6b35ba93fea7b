-- An invoice line's price before the discounts of its order line (EN 16931 BT-148, item gross price); null when the
-- line had none: then its unit price is both.
ALTER TABLE invoice_line ADD COLUMN gross_price NUMERIC(19, 4);
