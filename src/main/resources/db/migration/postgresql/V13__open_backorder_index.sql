-- Placement asks, under its stock locks, how much of each SKU older backorders wait for. Only open backorders
-- matter, and they are few: a partial index keeps that question small however many lines the table holds.
CREATE INDEX order_line_open_backorder_idx ON order_line (sku, placed_at) WHERE backordered_quantity > 0;
