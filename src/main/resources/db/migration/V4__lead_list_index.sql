-- The ledger lists leads newest first, a page at a time: with this index the database walks the
-- leads in that order (either direction) and stops after the page, instead of sorting them all.
CREATE INDEX lead_found_on_id_idx ON lead (found_on, id);
