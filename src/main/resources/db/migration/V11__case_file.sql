-- Issue "the case file": what the official document formats (人民调解文书格式) and 人民调解法 ask a
-- case file to hold. Plain SQL for H2 2.x and PostgreSQL 13+, like V1. Every new table of a case's
-- parts carries lead_id, so that row security (V12, PostgreSQL only) can follow the lead.

-- Parties as the forms describe them: natural persons with 民族, birth date or age, 职业或职务 and
-- 工作单位; legal persons and other organizations with their unified social credit code and legal
-- representative (or responsible person).
ALTER TABLE party ADD COLUMN kind VARCHAR(16) DEFAULT 'PERSON' NOT NULL;
ALTER TABLE party ADD CONSTRAINT party_kind_known CHECK (kind IN ('PERSON', 'LEGAL_PERSON', 'ORGANIZATION'));
ALTER TABLE party ADD COLUMN ethnicity VARCHAR(20);
ALTER TABLE party ADD COLUMN birth_date DATE;
ALTER TABLE party ADD COLUMN age INTEGER;
ALTER TABLE party ADD CONSTRAINT party_age_plausible CHECK (age IS NULL OR (age >= 0 AND age <= 150));
ALTER TABLE party ADD COLUMN occupation VARCHAR(100);
ALTER TABLE party ADD COLUMN employer VARCHAR(200);
ALTER TABLE party ADD COLUMN credit_code VARCHAR(18);
ALTER TABLE party ADD COLUMN legal_representative VARCHAR(50);
ALTER TABLE party ADD COLUMN representative_title VARCHAR(50);

-- 法定代理人 and 委托代理人 of a party, with an entrusted agent's authority.
CREATE TABLE party_agent (
    id               UUID          NOT NULL PRIMARY KEY,
    lead_id          UUID          NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
    party_id         UUID          NOT NULL REFERENCES party (id) ON DELETE CASCADE,
    name             VARCHAR(50)   NOT NULL,
    kind             VARCHAR(16)   NOT NULL CHECK (kind IN ('LEGAL', 'ENTRUSTED')),
    authority        VARCHAR(16)   CHECK (authority IN ('GENERAL', 'SPECIAL')),
    authority_scope  VARCHAR(500),
    id_number        VARCHAR(18),
    phone            VARCHAR(20),
    relation         VARCHAR(100)
);
CREATE INDEX party_agent_lead_idx ON party_agent (lead_id);

-- The lead-level record of the case: the application (申请书), the parties' consent (Art. 17), the
-- notice of rights and duties, the report to the police (Art. 25) and, for a failed case, the notice
-- of the other routes (Art. 26). One row per lead, made when the first of them is recorded.
CREATE TABLE case_record (
    lead_id               UUID          NOT NULL PRIMARY KEY REFERENCES lead (id) ON DELETE CASCADE,
    applied_on            DATE,
    application_requests  VARCHAR(2000),
    consent_on            DATE,
    consent_way           VARCHAR(24)   CHECK (consent_way IN ('WRITTEN_APPLICATION', 'SIGNED_REGISTRATION', 'ORAL')),
    rights_notice_on      DATE,
    police_reported_on    DATE,
    police_reported_to    VARCHAR(200),
    routes_notice_on      DATE,
    routes_notified       VARCHAR(100),
    CONSTRAINT case_record_consent_way CHECK ((consent_on IS NULL) = (consent_way IS NULL)),
    CONSTRAINT case_record_police_to CHECK (police_reported_to IS NULL OR police_reported_on IS NOT NULL)
);

-- The written agreement's terms (若干规定 Art. 35): the facts, the matters in dispute, each party's
-- responsibility, and how, where and by when the obligations are performed.
ALTER TABLE agreement ADD COLUMN facts VARCHAR(4000);
ALTER TABLE agreement ADD COLUMN issues VARCHAR(2000);
ALTER TABLE agreement ADD COLUMN responsibility VARCHAR(2000);
ALTER TABLE agreement ADD COLUMN performance_way VARCHAR(500);
ALTER TABLE agreement ADD COLUMN performance_place VARCHAR(200);

-- 调解记录: the matter (事由), who kept the record (记录人), whether the parties were told their
-- rights and duties before the session, and whether they confirmed the record.
ALTER TABLE mediation_session ADD COLUMN matter VARCHAR(200);
ALTER TABLE mediation_session ADD COLUMN recorder VARCHAR(50);
ALTER TABLE mediation_session ADD COLUMN notice_given BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE mediation_session ADD COLUMN confirmed_by_parties BOOLEAN DEFAULT FALSE NOT NULL;

-- 回访记录: whom was visited, how, and why.
ALTER TABLE follow_up ADD COLUMN visited_party VARCHAR(50);
ALTER TABLE follow_up ADD COLUMN way VARCHAR(16);
ALTER TABLE follow_up ADD CONSTRAINT follow_up_way_known CHECK (way IS NULL OR way IN ('VISIT', 'PHONE', 'OFFICE', 'OTHER'));
ALTER TABLE follow_up ADD COLUMN reason VARCHAR(500);

-- 司法确认 as the court handles it (法释〔2011〕5号): its 调确字 number and a result of four, where a
-- yes/no was kept before.
ALTER TABLE judicial_confirmation ADD COLUMN court_case_no VARCHAR(100);
ALTER TABLE judicial_confirmation ADD COLUMN result VARCHAR(16);
UPDATE judicial_confirmation SET result = CASE WHEN confirmed THEN 'CONFIRMED' ELSE 'REFUSED' END
    WHERE confirmed IS NOT NULL;
ALTER TABLE judicial_confirmation DROP COLUMN confirmed;
ALTER TABLE judicial_confirmation ADD CONSTRAINT judicial_result_known
    CHECK (result IS NULL OR result IN ('CONFIRMED', 'REFUSED', 'WITHDRAWN', 'DISMISSED'));
ALTER TABLE judicial_confirmation ADD CONSTRAINT judicial_result_dated CHECK (result IS NULL OR decided_on IS NOT NULL);

-- 分流 / 诉调对接: a lead's referral log.
CREATE TABLE referral (
    id           UUID          NOT NULL PRIMARY KEY,
    lead_id      UUID          NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
    kind         VARCHAR(16)   NOT NULL CHECK (kind IN ('DIVERSION', 'COURT_LINK')),
    to_body      VARCHAR(200)  NOT NULL,
    sent_on      DATE          NOT NULL,
    received_on  DATE,
    feedback     VARCHAR(2000),
    feedback_on  DATE,
    CONSTRAINT referral_received_after_sent CHECK (received_on IS NULL OR received_on >= sent_on),
    CONSTRAINT referral_feedback_after_sent CHECK (feedback_on IS NULL OR feedback_on >= sent_on)
);
CREATE INDEX referral_lead_idx ON referral (lead_id);

-- What the 立卷人 writes on the cover and the closing pages of the 卷宗.
CREATE TABLE case_file_info (
    lead_id         UUID          NOT NULL PRIMARY KEY REFERENCES lead (id) ON DELETE CASCADE,
    title           VARCHAR(200),
    filed_by        VARCHAR(50),
    filed_on        DATE,
    retention       VARCHAR(16)   CHECK (retention IN ('PERMANENT', 'LONG', 'SHORT')),
    closing_report  VARCHAR(4000),
    file_note       VARCHAR(2000),
    remarks         VARCHAR(2000),
    checked_by      VARCHAR(50)
);

-- Scans and photos: the bytes once per content (content-addressed by SHA-256), and each lead's
-- attachments pointing at them. Bytes live in the database so that the file's encryption, backups
-- and exchange packages carry them like every other part of a case.
CREATE TABLE attachment_content (
    sha256      VARCHAR(64)   NOT NULL PRIMARY KEY,
    media_type  VARCHAR(40)   NOT NULL,
    byte_size   BIGINT        NOT NULL CHECK (byte_size > 0),
    content     BYTEA         NOT NULL
);

CREATE TABLE attachment (
    id          UUID          NOT NULL PRIMARY KEY,
    lead_id     UUID          NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
    kind        VARCHAR(24)   NOT NULL
        CHECK (kind IN ('IDENTITY', 'EVIDENCE', 'SIGNED_AGREEMENT', 'PERFORMANCE_PROOF', 'COURT_PAPER', 'OTHER')),
    note        VARCHAR(500),
    file_name   VARCHAR(255)  NOT NULL,
    media_type  VARCHAR(40)   NOT NULL,
    byte_size   BIGINT        NOT NULL,
    sha256      VARCHAR(64)   NOT NULL REFERENCES attachment_content (sha256),
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by    VARCHAR(50)
);
CREATE INDEX attachment_lead_idx ON attachment (lead_id);
CREATE INDEX attachment_sha_idx ON attachment (sha256);

-- The official statistics' 防止 categories, recorded as outcomes of a case.
CREATE TABLE lead_prevention (
    lead_id  UUID         NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
    kind     VARCHAR(16)  NOT NULL CHECK (kind IN ('SUICIDE', 'CRIMINAL_CASE', 'GROUP_PETITION', 'GROUP_FIGHT')),
    PRIMARY KEY (lead_id, kind)
);
