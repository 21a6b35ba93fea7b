-- stock.low (module inventory): whether a level's fall to or below its reorder point (one above zero) has been told.
-- Set when it is told, cleared once available stock rises above the point again: each fall is told once. Levels low
-- already are taken as told, so that the migration sends nothing.
ALTER TABLE stock_level ADD COLUMN low_reported BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE stock_level SET low_reported = TRUE WHERE reorder_point > 0 AND on_hand - reserved <= reorder_point;

-- The outbox retention (module integration) runs on one node: a run takes this row FOR UPDATE SKIP LOCKED, as job_lock
-- does for dunning.
CREATE TABLE integration_job_lock (
    name        VARCHAR(64) PRIMARY KEY,
    last_run_at TIMESTAMP WITH TIME ZONE,
    last_run_by VARCHAR(100)
);
INSERT INTO integration_job_lock (name) VALUES ('retention');

-- The retention prunes an event once no delivery of it is left: found by event.
CREATE INDEX webhook_delivery_event_idx ON webhook_delivery (event_id);
