-- The ledger sorted by any column, its first and its last pages alike (issue 12; persistence LeadSearchSql).
-- Each sort reads its page from an index walked forwards or backwards and stops after the page:
-- by lead number from this one (the leads without a number are its nulls, in the order found);
CREATE INDEX lead_no_sort_idx ON lead (lead_no, found_on, id);
-- by dispute type, source and risk one value at a time, each a range of its index in the order found
-- (committee and community have theirs since migration 1, case number since 16, due date 18).
CREATE INDEX lead_type_found_idx ON lead (dispute_type_code, found_on);
CREATE INDEX lead_source_found_idx ON lead (source_code, found_on);
CREATE INDEX lead_risk_found_idx ON lead (risk_code, found_on);
-- A case number is issued whole (model CaseNumber): the sort by it takes a year for the whole number.
ALTER TABLE lead ADD CONSTRAINT lead_case_number_whole CHECK ((case_year IS NULL) = (case_number IS NULL));
-- Plain SQL for H2 2.x and PostgreSQL 13+, like V18.
