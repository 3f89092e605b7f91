-- The agenda (issue 11) asks per committee for the cases still open (outcome NULL) and for the
-- resolved ones by closing day. Plain SQL for H2 2.x and PostgreSQL 13+, like V1.
CREATE INDEX lead_committee_state_idx ON lead (committee_id, outcome, closed_on);
