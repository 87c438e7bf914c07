-- The audit chain becomes keyed (HMAC-SHA-256 under the installation's key, kept outside the record). One row,
-- written once when a record is first opened by this version (Sealing): entries before keyed_from keep their plain
-- SHA-256 hashes, which were verified at that moment; head_before is the hash of the last of them (empty for a
-- record that had none). key_id names the key (a fingerprint, not the key); mac, under the key, covers the row, so
-- the point where keying began cannot be moved without the key.
CREATE TABLE audit_seal (
    keyed_from  INTEGER     NOT NULL PRIMARY KEY,
    head_before VARCHAR(44) NOT NULL,
    key_id      VARCHAR(44) NOT NULL,
    sealed_at   VARCHAR(40) NOT NULL,
    mac         VARCHAR(44) NOT NULL
);
