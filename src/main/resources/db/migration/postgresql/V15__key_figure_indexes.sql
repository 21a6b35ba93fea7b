-- The key figures of a year read every order delivered or shipped in it: indexes that carry the other columns those
-- figures need answer them from the index alone (cycle and processing time, on-time delivery), and the shipments
-- delivered in a period are counted by index for the fulfilment accuracy.
CREATE INDEX sales_order_delivered_cover_idx ON sales_order (delivered_at) INCLUDE (placed_at, promised_date);
DROP INDEX sales_order_delivered_idx;
CREATE INDEX sales_order_shipped_cover_idx ON sales_order (shipped_at) INCLUDE (placed_at);
DROP INDEX sales_order_shipped_idx;
CREATE INDEX shipment_delivered_idx ON shipment (delivered_at);
