-- The audit trail viewer filters by actor and by time, newest first; without these it would read the whole trail.
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, id);
CREATE INDEX audit_entry_at_idx ON audit_entry (at);
