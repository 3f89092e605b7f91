-- DESIGN §3: lead sources added later (all 委托移送), and DESIGN §4: a genuine lead a party refused
-- to have mediated (人民调解法 Art. 17) ends DECLINED instead of being accepted.
-- Plain SQL for H2 2.x and PostgreSQL 13+, like V1.

INSERT INTO lead_source (code, name_zh, name_en, source_group, sort_order) VALUES
    ('COURT_ASSIGNED',        '法院委派',       'Assigned by court (pre-filing)', 'REFERRAL', 10),
    ('PROCURATORATE_REFERRAL', '检察院移送',    'Procuratorate referral',         'REFERRAL', 11),
    ('HOTLINE_12345',         '12345热线转办',  '12345 hotline',                  'REFERRAL', 12),
    ('CENTER_DISPATCH',       '综治中心分流',   'Governance centre dispatch',     'REFERRAL', 13),
    ('AGENCY_REFERRAL',       '行业部门移送',   'Agency referral',                'REFERRAL', 14);

-- Who refused and when; the day counts like an acceptance day when a past day's state is rebuilt.
ALTER TABLE lead ADD COLUMN declined_on DATE;
ALTER TABLE lead ADD COLUMN declined_by VARCHAR(200);
ALTER TABLE lead ADD CONSTRAINT lead_declined_after_verified
    CHECK (declined_on IS NULL OR (verified_on IS NOT NULL AND declined_on >= verified_on AND verification_result = 'GENUINE'));
ALTER TABLE lead ADD CONSTRAINT lead_declined_by_needs_date CHECK (declined_by IS NULL OR declined_on IS NOT NULL);
ALTER TABLE lead ADD CONSTRAINT lead_not_accepted_and_declined CHECK (accepted_on IS NULL OR declined_on IS NULL);

-- The ledger judges a lead's state from this index alone (V4), so it carries the new date too.
DROP INDEX lead_list_idx;
CREATE INDEX lead_list_idx ON lead (found_on, id, verified_on, verification_result, accepted_on, closed_on,
                                    outcome, due_on, declined_on);

-- The transition kinds gain DECLINED. V1 left the check unnamed, so it has each database's own
-- generated name: lead_transition_kind_check on PostgreSQL, CONSTRAINT_1F63 on H2 2.x.
ALTER TABLE lead_transition DROP CONSTRAINT IF EXISTS lead_transition_kind_check;
ALTER TABLE lead_transition DROP CONSTRAINT IF EXISTS CONSTRAINT_1F63;
ALTER TABLE lead_transition ADD CONSTRAINT lead_transition_kind_known
    CHECK (kind IN ('FOUND', 'VERIFIED', 'ACCEPTED', 'DECLINED', 'EXTENDED', 'CLOSED', 'CORRECTED'));
