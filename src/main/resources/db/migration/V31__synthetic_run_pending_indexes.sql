-- The generator commits its rows first and builds the loaded tables' secondary indexes afterwards, in parallel sessions
-- (issue 7). Until they are all built the run is incomplete: finished_at is null and pending_indexes holds the
-- definitions still to build (one per line). The application refuses to start on an incomplete run, and the generator
-- finishes it when it is run again.
ALTER TABLE synthetic_run ALTER COLUMN finished_at DROP NOT NULL;
ALTER TABLE synthetic_run ADD COLUMN pending_indexes text;
ALTER TABLE synthetic_run ADD CONSTRAINT synthetic_run_complete_check CHECK ((finished_at IS NULL) = (pending_indexes IS NOT NULL));
