-- The record's first schema. Portable SQL (SQLite and PostgreSQL): no AUTOINCREMENT/SERIAL (the store assigns
-- ids inside its write transaction), times as ISO-8601 text with their offset, yes/no as SMALLINT 0/1.
-- Statements end with ';' at the end of a line (Migrations splits on that).

-- One row per check. body is the visit's full JSON (VisitJson.full, canonical); the other columns are what
-- lists and the re-check select by. id = day || '-' || day_seq (4 digits), day in Asia/Tokyo.
CREATE TABLE visits (
    id            VARCHAR(16) NOT NULL PRIMARY KEY,
    day           VARCHAR(10) NOT NULL,
    day_seq       INTEGER     NOT NULL,
    as_of         VARCHAR(40) NOT NULL,
    terminal      VARCHAR(64),
    route         VARCHAR(32) NOT NULL,
    outcome       VARCHAR(16) NOT NULL,
    recheck_state VARCHAR(16) NOT NULL,
    body          TEXT        NOT NULL,
    CONSTRAINT visits_day_seq UNIQUE (day, day_seq)
);
CREATE INDEX visits_outcome ON visits (outcome, day);
CREATE INDEX visits_recheck_state ON visits (recheck_state, day, day_seq);
CREATE INDEX visits_terminal ON visits (terminal, day);

-- Information-sharing consent given at a visit: who recorded it, the 24-hour window, its revocation.
CREATE TABLE consents (
    visit_id        VARCHAR(16) NOT NULL PRIMARY KEY REFERENCES visits (id),
    registered      SMALLINT    NOT NULL,
    source          VARCHAR(16) NOT NULL,
    registered_at   VARCHAR(40),
    available_until VARCHAR(40),
    revoked_at      VARCHAR(40)
);

-- One yes/no per category asked (diagnosis, drug, checkup, surgery); a category not asked has no row.
CREATE TABLE consent_answers (
    visit_id VARCHAR(16) NOT NULL REFERENCES consents (visit_id),
    category VARCHAR(16) NOT NULL,
    answer   SMALLINT    NOT NULL,
    PRIMARY KEY (visit_id, category)
);

-- Who the patient says they are (被保険者資格申立書, and the identity captured for provisional visits).
CREATE TABLE declarations (
    visit_id         VARCHAR(16) NOT NULL PRIMARY KEY REFERENCES visits (id),
    name             VARCHAR(200),
    sex              VARCHAR(16),
    birth_date       VARCHAR(10),
    address          VARCHAR(400),
    contact          VARCHAR(200),
    stated_insurance VARCHAR(400)
);

-- 再照会 runs and what each found per visit (found = the qualification JSON the service returned).
CREATE TABLE recheck_runs (
    id            INTEGER     NOT NULL PRIMARY KEY,
    started_at    VARCHAR(40) NOT NULL,
    finished_at   VARCHAR(40) NOT NULL,
    checked       INTEGER     NOT NULL,
    confirmed     INTEGER     NOT NULL,
    discrepancies INTEGER     NOT NULL,
    unanswered    INTEGER     NOT NULL
);
CREATE TABLE recheck_findings (
    run_id   INTEGER     NOT NULL REFERENCES recheck_runs (id),
    visit_id VARCHAR(16) NOT NULL REFERENCES visits (id),
    kind     VARCHAR(40) NOT NULL,
    found    TEXT,
    detail   TEXT,
    PRIMARY KEY (run_id, visit_id)
);
CREATE INDEX recheck_findings_visit ON recheck_findings (visit_id);

-- The append-only audit chain: hash = base64(SHA-256(prev_hash || LF || canonical entry)), see AuditChain.
CREATE TABLE audit (
    seq       INTEGER     NOT NULL PRIMARY KEY,
    at        VARCHAR(40) NOT NULL,
    action    VARCHAR(32) NOT NULL,
    entity    VARCHAR(32) NOT NULL,
    payload   TEXT        NOT NULL,
    prev_hash VARCHAR(44) NOT NULL,
    hash      VARCHAR(44) NOT NULL
);
CREATE INDEX audit_entity ON audit (entity, seq);
