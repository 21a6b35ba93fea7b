-- Tracking events a carrier sends carry its own id: a resent event is recognised by it.
ALTER TABLE shipment_event ADD COLUMN carrier VARCHAR(32);
ALTER TABLE shipment_event ADD COLUMN carrier_event_id VARCHAR(100);
CREATE UNIQUE INDEX shipment_event_carrier_event_idx ON shipment_event (carrier, carrier_event_id);
