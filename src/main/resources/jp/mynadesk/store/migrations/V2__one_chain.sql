-- Several desks write one record (PostgreSQL). The store serializes appends to the audit chain; these make the
-- database itself refuse a fork, should a writer ever get past that lock: no two entries may follow the same
-- entry, and no hash may appear twice.
CREATE UNIQUE INDEX audit_prev_hash ON audit (prev_hash);
CREATE UNIQUE INDEX audit_hash ON audit (hash);
