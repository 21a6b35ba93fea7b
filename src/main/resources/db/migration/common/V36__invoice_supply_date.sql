-- The date of supply (EN 16931 BT-72; the VAT directive asks for it on the invoice): the day the invoice's shipment
-- left the warehouse. Shipment invoices issued before it was kept were issued the day their shipment left.
ALTER TABLE invoice ADD COLUMN supply_date DATE;
UPDATE invoice SET supply_date = issue_date WHERE shipment_id IS NOT NULL;
