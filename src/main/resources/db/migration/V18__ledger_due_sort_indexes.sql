-- The ledger sorted by the due date shown (issue 12). The page is merged from leads not extended by the
-- as-of day, in due_on order, and extended leads, in the order of their extensions' due dates (see
-- persistence LeadSearchSql): each part walks one of these indexes in either direction and stops
-- after the page. The lead index holds the columns that judge a lead's state on a day, so leads not
-- shown (not yet accepted on that day, or extended by then) are passed over without reading their rows.
-- Plain SQL for H2 2.x and PostgreSQL 13+, like V1.
CREATE INDEX lead_due_sort_idx ON lead (due_on, found_on, id, verified_on, verification_result, declined_on,
    accepted_on, closed_on, outcome, extended_on);
CREATE INDEX extension_due_sort_idx ON extension (new_due_on, agreed_on, lead_id, id);
