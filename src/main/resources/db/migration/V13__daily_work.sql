-- Issue "a mediator's day": the dated history of risk assessments, recurrences of earlier
-- disputes, each committee's screenings (排查) and its signed monthly report, and the column
-- mappings of offices' own ledgers. Plain SQL for H2 2.x and PostgreSQL 13+, like V1. Row security
-- for the new tables is V14 (PostgreSQL only).

-- Every assessment of a lead's risk, dated, with who made it. The lead row keeps the level in force
-- now (the latest assessment), which the ledger lists and filters by; the tally counts the level in
-- force on its as-of day from here. Each existing lead gets its level as one assessment on the day
-- it was found, with the lead's own id (the same at every office that holds the lead) and no
-- assessor (nobody recorded one).
CREATE TABLE risk_assessment (
    id             UUID          NOT NULL PRIMARY KEY,
    lead_id        UUID          NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
    assessed_on    DATE          NOT NULL,
    risk_code      VARCHAR(32)   NOT NULL REFERENCES risk_level (code),
    criminal_risk  BOOLEAN       NOT NULL DEFAULT FALSE,
    group_risk     BOOLEAN       NOT NULL DEFAULT FALSE,
    assessed_by    VARCHAR(100),
    reason         VARCHAR(500),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX risk_assessment_lead_idx ON risk_assessment (lead_id, assessed_on);
INSERT INTO risk_assessment (id, lead_id, assessed_on, risk_code, criminal_risk, group_risk, assessed_by, reason,
                             recorded_at)
SELECT id, id, found_on, risk_code, criminal_risk, group_risk, NULL, NULL, created_at FROM lead;

-- A lead that is the same dispute flaring up again (矛盾反复) after an earlier lead: marked by hand,
-- or made by reopening a closed case when a follow-up visit finds the dispute alive (reopened). The
-- earlier lead may be one this database has not received yet (exchange packages come in any order).
CREATE TABLE lead_recurrence (
    lead_id          UUID          NOT NULL PRIMARY KEY REFERENCES lead (id) ON DELETE CASCADE,
    earlier_lead_id  UUID          NOT NULL,
    marked_on        DATE          NOT NULL,
    reopened         BOOLEAN       NOT NULL DEFAULT FALSE,
    note             VARCHAR(500),
    CONSTRAINT lead_recurrence_not_itself CHECK (earlier_lead_id <> lead_id)
);
CREATE INDEX lead_recurrence_earlier_idx ON lead_recurrence (earlier_lead_id);

-- A mediation session planned for a coming day (the agenda lists it); a session held is recorded
-- in mediation_session as before, and its plan then removed.
CREATE TABLE session_plan (
    id          UUID          NOT NULL PRIMARY KEY,
    lead_id     UUID          NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
    planned_on  DATE          NOT NULL,
    starts_at   VARCHAR(5),
    place       VARCHAR(200),
    note        VARCHAR(500),
    planned_by  VARCHAR(100)  NOT NULL,
    CONSTRAINT session_plan_time_form CHECK (starts_at IS NULL OR CHAR_LENGTH(starts_at) = 5)
);
CREATE INDEX session_plan_lead_idx ON session_plan (lead_id);
CREATE INDEX session_plan_day_idx ON session_plan (planned_on);

-- Matching a new lead's parties against every earlier lead: by ID number, by phone, by name (V1
-- already indexes the name).
CREATE INDEX party_id_number_idx ON party (id_number);
CREATE INDEX party_phone_idx ON party (phone);

-- A committee's screening round (排查): when, where, who, and how many leads it found. The number of
-- rounds in a period is the statistics table's 排查纠纷(次).
CREATE TABLE screening (
    id            UUID          NOT NULL PRIMARY KEY,
    committee_id  BIGINT        NOT NULL REFERENCES committee (id),
    screened_on   DATE          NOT NULL,
    place         VARCHAR(200)  NOT NULL,
    grid_id       BIGINT        REFERENCES grid (id),
    screened_by   VARCHAR(200)  NOT NULL,
    leads_found   INTEGER       NOT NULL CHECK (leads_found >= 0),
    note          VARCHAR(1000),
    recorded_by   VARCHAR(100)  NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version       INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX screening_committee_day_idx ON screening (committee_id, screened_on);

-- A committee's monthly report as its director signed it: the figures as they stood at signing
-- (one "name=value" per line), and whether it was a zero report (零报告: nothing found that month).
CREATE TABLE monthly_report (
    committee_id   BIGINT        NOT NULL REFERENCES committee (id),
    report_month   VARCHAR(7)    NOT NULL,
    zero_report    BOOLEAN       NOT NULL,
    figures        VARCHAR(4000) NOT NULL,
    note           VARCHAR(1000),
    signed_by      VARCHAR(100)  NOT NULL,
    signer_name    VARCHAR(100)  NOT NULL,
    signed_on      DATE          NOT NULL,
    signed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (committee_id, report_month),
    CONSTRAINT monthly_report_month_form CHECK (CHAR_LENGTH(report_month) = 7 AND SUBSTRING(report_month, 5, 1) = '-')
);

-- An office's own ledger layout, saved under a name: which of its headers is which of our columns,
-- and which of its values is which of our codes (the text form of logic.ledger's mapping).
CREATE TABLE import_profile (
    name        VARCHAR(100)    NOT NULL PRIMARY KEY,
    mapping     VARCHAR(100000) NOT NULL,
    saved_by    VARCHAR(100)    NOT NULL,
    saved_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
