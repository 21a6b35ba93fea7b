-- H2 has no partial indexes; order_line_backorder_idx (sku, backordered_quantity, placed_at) serves the same query.
SELECT 1;
