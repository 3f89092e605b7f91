-- The tally at a million leads (issue 12). Three facts kept on the lead row, in step with its parts
-- (persistence TallyFacts), let the tally and the ledger judge most leads from one index without a
-- lookup per lead:
--   extended_on       the day its first extension was agreed (null: never extended), so the due date
--                     in force is due_on on any day before it;
--   risk_latest_code  the level of its latest assessment (null: none; then risk_code holds);
--   risk_changed_on   with more than one assessment, the day of the latest (null otherwise), so the
--                     level in force is risk_latest_code on that day and after, and needs the history
--                     only before it.
-- Plain SQL for H2 2.x and PostgreSQL 13+, like V1.
ALTER TABLE lead ADD COLUMN extended_on DATE;
ALTER TABLE lead ADD COLUMN risk_latest_code VARCHAR(32);
ALTER TABLE lead ADD COLUMN risk_changed_on DATE;

UPDATE lead SET extended_on = (SELECT MIN(x.agreed_on) FROM extension x WHERE x.lead_id = lead.id)
WHERE id IN (SELECT lead_id FROM extension);

UPDATE lead SET
    risk_latest_code = (SELECT ra.risk_code FROM risk_assessment ra WHERE ra.lead_id = lead.id
        ORDER BY ra.assessed_on DESC, ra.recorded_at DESC, ra.id DESC FETCH FIRST 1 ROW ONLY),
    risk_changed_on = CASE WHEN (SELECT COUNT(*) FROM risk_assessment ra WHERE ra.lead_id = lead.id) > 1
        THEN (SELECT MAX(ra.assessed_on) FROM risk_assessment ra WHERE ra.lead_id = lead.id) END;

-- One index serves the ledger's found-day order (found_on, id) and holds every column the tally
-- reads, so a summary over any period reads the index alone.
DROP INDEX lead_list_idx;
CREATE INDEX lead_list_idx ON lead (found_on, id, verified_on, verification_result, declined_on, accepted_on,
    closed_on, outcome, due_on, extended_on, committee_id, community_id, dispute_type_code, source_code,
    risk_code, risk_latest_code, risk_changed_on);
