-- SEC-03: dispatch's records of what happened (the work order's history, the visits, the breach log) are
-- append-only in the database, as intake's audit is: an UPDATE or DELETE raises an exception whoever runs it.
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is a history record and cannot be %d', TG_TABLE_NAME, lower(TG_OP)
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER work_order_history_is_append_only BEFORE UPDATE OR DELETE ON work_order_history
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER visit_is_append_only BEFORE UPDATE OR DELETE ON visit
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER visit_clock_breach_is_append_only BEFORE UPDATE OR DELETE ON visit_clock_breach
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
