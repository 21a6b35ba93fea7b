-- The warehouse pages list one warehouse's stock levels by SKU, page by page.
CREATE INDEX stock_level_warehouse_idx ON stock_level (warehouse, sku);
-- Which orders wait for a shipment: the active reservations of a warehouse, per order. Consumed and released
-- reservations pile up over the years; the active ones are few.
CREATE INDEX reservation_active_idx ON reservation (status, warehouse, order_id);
