-- The audit trail is append-only: the database refuses to change or delete an entry.
-- (A superuser can still disable the trigger; the hash chain is what then reveals the tampering.)
CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();

CREATE FUNCTION stock_movement_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'stock_movement is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER stock_movement_no_update_or_delete
    BEFORE UPDATE OR DELETE ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION stock_movement_append_only();
