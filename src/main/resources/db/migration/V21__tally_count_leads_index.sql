-- The tally adds up the counts of whole months (KeptCounts). Read through the primary key alone, each
-- count is fetched from its row: at a million leads, with counts written batch by batch, a summary by type
-- or source took 1.1-2.0 s. With the number of leads in the index as well, the counts are read from the
-- index alone (70-100 ms in the same benchmark; docs/benchmarks.md, "Tally on a freshly generated data set").
CREATE INDEX tally_count_leads_idx ON tally_count (dimension, found_month, committee_id, community_id, grp, state, leads);
