-- Exchange packages between offices (DESIGN §6–7). Plain SQL for H2 2.x and PostgreSQL 13+, like V1.
-- Keys and ids are made in Java (the two databases name their UUID and crypto functions differently).

-- This installation's identity: one row, made the first time a package is written, read or a key
-- exported. The private keys stay in the (encrypted) database; only the public parts ever leave it.
CREATE TABLE installation (
    id                 INTEGER       NOT NULL PRIMARY KEY,
    installation_id    UUID          NOT NULL,
    signing_private    VARCHAR(4000) NOT NULL,
    signing_public     VARCHAR(2000) NOT NULL,
    agreement_private  VARCHAR(4000) NOT NULL,
    agreement_public   VARCHAR(2000) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT installation_single_row CHECK (id = 1)
);

-- The sender registered for each committee: the key of its first package, kept until a person
-- trusts a new one; and how far its packages have reported.
CREATE TABLE package_sender (
    committee_id         BIGINT        NOT NULL PRIMARY KEY REFERENCES committee (id),
    installation_id      UUID          NOT NULL,
    fingerprint          VARCHAR(200)  NOT NULL,
    signing_public       VARCHAR(2000) NOT NULL,
    first_seen_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the newest package's creation time, and the latest day any package covered
    last_created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    covers_to            DATE,
    last_received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_package_digest  VARCHAR(64)   NOT NULL
);

-- Every package imported, by the SHA-256 of its file: the same file twice is recognized and changes nothing.
CREATE TABLE received_package (
    package_digest          VARCHAR(64)  NOT NULL PRIMARY KEY,
    committee_id            BIGINT       NOT NULL REFERENCES committee (id),
    sender_installation_id  UUID         NOT NULL,
    sender_fingerprint      VARCHAR(200) NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    since_day               DATE,
    covers_to               DATE,
    received_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    received_by             VARCHAR(64)  NOT NULL,
    leads_added             INTEGER      NOT NULL,
    leads_updated           INTEGER      NOT NULL,
    leads_unchanged         INTEGER      NOT NULL,
    leads_skipped           INTEGER      NOT NULL,
    conflicts               INTEGER      NOT NULL
);
CREATE INDEX received_package_committee_idx ON received_package (committee_id, received_at);

-- Per lead, what the last package that set it said: the conflict rule compares both sides with it.
CREATE TABLE lead_exchange (
    lead_id                 UUID         NOT NULL PRIMARY KEY REFERENCES lead (id) ON DELETE CASCADE,
    origin_installation_id  UUID         NOT NULL,
    received_version        INTEGER      NOT NULL,
    received_changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- SHA-256 of the lead's content as the package carried it (no local ids, no bookkeeping)
    received_digest         VARCHAR(64)  NOT NULL,
    package_digest          VARCHAR(64)  NOT NULL,
    received_at             TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Leads both offices changed since they last exchanged: the package's version was kept, the
-- receiver's is here in full (the package format's JSON) for a person to review.
CREATE TABLE package_conflict (
    id                      UUID          NOT NULL PRIMARY KEY,
    lead_id                 UUID          NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
    committee_id            BIGINT        NOT NULL REFERENCES committee (id),
    label                   VARCHAR(200)  NOT NULL,
    package_digest          VARCHAR(64)   NOT NULL,
    sender_installation_id  UUID          NOT NULL,
    detected_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    kept_version            INTEGER       NOT NULL,
    kept_state              VARCHAR(16)   NOT NULL,
    replaced_version        INTEGER       NOT NULL,
    replaced_state          VARCHAR(16)   NOT NULL,
    differing_fields        VARCHAR(4000) NOT NULL,
    replaced_data           VARCHAR       NOT NULL,
    reviewed_at             TIMESTAMP WITH TIME ZONE,
    reviewed_by             VARCHAR(64)
);
CREATE INDEX package_conflict_committee_idx ON package_conflict (committee_id, detected_at);

-- The audit history of received leads as their offices recorded it, kept apart from this
-- database's own chain (whose hashes and seals are this PC's alone).
CREATE TABLE received_audit_entry (
    origin_installation_id  UUID         NOT NULL,
    origin_chain_id         UUID         NOT NULL,
    origin_seq              BIGINT       NOT NULL,
    recorded_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    actor                   VARCHAR(64)  NOT NULL,
    action                  VARCHAR(64)  NOT NULL,
    entity                  VARCHAR(16)  NOT NULL,
    entity_id               VARCHAR(64),
    lead_id                 UUID,
    committee_id            BIGINT       REFERENCES committee (id),
    changes                 VARCHAR      NOT NULL,
    state_digest            VARCHAR(64),
    hash                    VARCHAR(64)  NOT NULL,
    package_digest          VARCHAR(64)  NOT NULL,
    received_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (origin_installation_id, origin_chain_id, origin_seq)
);
CREATE INDEX received_audit_entry_lead_idx ON received_audit_entry (lead_id, recorded_at);
