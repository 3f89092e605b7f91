-- The tamper-evident audit trail (DESIGN §9). Plain SQL for H2 2.x and PostgreSQL 13+, like V1.
-- Entries are numbered 1, 2, 3 … by the application and chained: hash_n = SHA-256(hash_n-1 ||
-- canonical form of entry n), mac_n = HMAC-SHA256(key kept outside the database, hash_n).
-- Instants are stored truncated to milliseconds so that the canonical form reads back the same.

CREATE TABLE audit_entry (
    seq           BIGINT       NOT NULL PRIMARY KEY,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(64)  NOT NULL,
    action        VARCHAR(64)  NOT NULL,
    entity        VARCHAR(16)  NOT NULL,
    entity_id     VARCHAR(64),
    lead_id       UUID,
    committee_id  BIGINT,
    -- canonical JSON array of {"field","old","new"}; ID-card and phone numbers masked
    changes       VARCHAR      NOT NULL,
    -- SHA-256 of the entity's canonical state after the change (of the empty state after a
    -- deletion); NULL for an event, which changes no state
    state_digest  VARCHAR(64),
    key_id        VARCHAR(16)  NOT NULL,
    hash          VARCHAR(64)  NOT NULL,
    mac           VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_entry_lead_idx ON audit_entry (lead_id, seq);
CREATE INDEX audit_entry_committee_idx ON audit_entry (committee_id, seq);
CREATE INDEX audit_entry_recorded_at_idx ON audit_entry (recorded_at);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, seq);

-- The chain's head, one row. Every append locks and raises it, which puts concurrent appends in
-- one order. The row is inserted by the application on first use (with a chain id made in Java:
-- H2 and PostgreSQL name their UUID functions differently).
CREATE TABLE audit_chain (
    id          INTEGER      NOT NULL PRIMARY KEY,
    chain_id    UUID         NOT NULL,
    last_seq    BIGINT       NOT NULL,
    last_hash   VARCHAR(64)  NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_chain_single_row CHECK (id = 1)
);
