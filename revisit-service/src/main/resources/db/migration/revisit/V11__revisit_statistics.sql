-- REV-07: each month's revisit statistics, kept once (the unique month makes two replicas keep one) and never changed.
-- The figures are the RPT-01 figures of the month (revisits due in it, company zone) as JSON: totals, one row per
-- technician, and the revisits listed for the supervisor (unreachable, REV-06; neutral, flagged for review, REV-05).
CREATE TABLE revisit_monthly_statistics (
    id                 uuid PRIMARY KEY,            -- name-based UUID of 'revisit-statistics:<yyyy-MM>'
    month              text        NOT NULL UNIQUE, -- yyyy-MM
    period_from        date        NOT NULL,
    period_until       date        NOT NULL,
    totals             jsonb       NOT NULL,
    technicians        jsonb       NOT NULL,
    unreachable        jsonb       NOT NULL,
    flagged_for_review jsonb       NOT NULL,
    produced_by        text        NOT NULL,
    produced_at        timestamptz NOT NULL
);

CREATE FUNCTION revisit_statistics_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER revisit_monthly_statistics_is_append_only BEFORE UPDATE OR DELETE ON revisit_monthly_statistics
    FOR EACH ROW EXECUTE FUNCTION revisit_statistics_refuse_change();
