-- H2 has no covering indexes (INCLUDE); the shipments delivered in a period are counted by index as on PostgreSQL.
CREATE INDEX shipment_delivered_idx ON shipment (delivered_at);
