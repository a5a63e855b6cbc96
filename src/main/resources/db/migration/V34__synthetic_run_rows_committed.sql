-- The generator with several sessions commits each part on its own (issue 11: the parts and the index builds run side
-- by side). rows_committed_at is set when the last part is committed. A run with finished_at null is unfinished:
-- with rows_committed_at set it only lacks indexes (the next generator run builds them); without, it stopped while
-- writing and cannot be finished (the database must be emptied). Runs recorded before this column committed their
-- rows in one transaction.
ALTER TABLE synthetic_run ADD COLUMN rows_committed_at timestamptz;
UPDATE synthetic_run SET rows_committed_at = coalesce(finished_at, started_at);
ALTER TABLE synthetic_run ADD CONSTRAINT synthetic_run_rows_check CHECK (finished_at IS NULL OR rows_committed_at IS NOT NULL);
