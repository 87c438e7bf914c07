-- 医療費助成 through the card (PMH, docs/DESK.md "医療費助成の受給者証"): the patient's answer to
-- 「医療費助成の受給者証を利用しますか」 (one row per visit where it was asked; used 1 = yes, 0 = no) and, on yes, each
-- 受給者証 with its 公費負担者番号 and 受給者番号, in the order the service answered them. Visits recorded before this
-- version were never asked: they have no rows. The same values are in visits.body, so verify compares the rows with
-- the audit chain like the consent rows.
CREATE TABLE subsidy_answers (
    visit_id VARCHAR(16) NOT NULL PRIMARY KEY REFERENCES visits (id),
    used     SMALLINT    NOT NULL
);
CREATE TABLE subsidy_certificates (
    visit_id              VARCHAR(16)  NOT NULL REFERENCES subsidy_answers (visit_id),
    seq                   SMALLINT     NOT NULL,
    name                  VARCHAR(200),
    public_expense_number VARCHAR(8)   NOT NULL,
    beneficiary_number    VARCHAR(7)   NOT NULL,
    PRIMARY KEY (visit_id, seq)
);
CREATE INDEX subsidy_certificates_numbers ON subsidy_certificates (public_expense_number, beneficiary_number);
