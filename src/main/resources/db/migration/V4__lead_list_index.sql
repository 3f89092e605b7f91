-- The ledger lists leads newest first, a page at a time, and counts them by their state on a day.
-- With this index the database walks the leads in that order (either direction) and stops after the
-- page, and it judges a lead's state from the index alone, without reading the lead's row.
CREATE INDEX lead_list_idx ON lead (found_on, id, verified_on, verification_result, accepted_on, closed_on,
                                    outcome, due_on);
