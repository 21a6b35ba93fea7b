-- Returned quantities per order line: returned <= shipped (invariant 4).
ALTER TABLE order_line ADD COLUMN returned_quantity BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE order_line ADD CONSTRAINT order_line_returned CHECK (returned_quantity >= 0 AND returned_quantity <= shipped_quantity);

-- Who delivered and when, for cycle time and on-time delivery.
ALTER TABLE sales_order ADD COLUMN shipped_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sales_order ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sales_order ADD COLUMN completed_at TIMESTAMP WITH TIME ZONE;
