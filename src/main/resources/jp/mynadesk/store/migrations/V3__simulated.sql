-- Whether a visit was made in simulation (a virtual card or the mock service) or at a clinic's reader
-- (docs/CLINIC.md). 1 = simulated. Visits recorded before this column existed were all made on the simulator's
-- defaults (the mock started by itself, the test CA trusted), so they read as simulated; their stored JSON and
-- audit entries are left as they were written.
ALTER TABLE visits ADD COLUMN simulated SMALLINT NOT NULL DEFAULT 1;
CREATE INDEX visits_simulated ON visits (simulated, day, day_seq);
