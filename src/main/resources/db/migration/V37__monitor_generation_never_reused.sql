-- A refresh's generation number is never given out twice (a refresh that failed once used it; what was derived from its
-- facts, such as a suppression cube kept in memory by another instance, must never be taken for a later refresh's).
ALTER TABLE monitor_refresh ADD COLUMN last_generation bigint NOT NULL DEFAULT 0;
UPDATE monitor_refresh r SET last_generation = greatest(r.generation,
    coalesce((SELECT max(f.generation) FROM monitor_fact f WHERE f.municipality_code = r.municipality_code), 0),
    coalesce((SELECT max(c.generation) FROM monitor_cube c WHERE c.municipality_code = r.municipality_code), 0));
