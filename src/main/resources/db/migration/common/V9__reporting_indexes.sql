-- Key figures select orders by when they shipped and were delivered.
CREATE INDEX sales_order_shipped_idx ON sales_order (shipped_at);
CREATE INDEX sales_order_delivered_idx ON sales_order (delivered_at);
CREATE INDEX stock_movement_type_idx ON stock_movement (type, sku, created_at);
