-- The privacy officer's audit log at millions of rows (issue 6 item 5, issue 7 item 2): keyset paging newest first on
-- (occurred_at, id), one index per filter with that order behind it, so the first page and every deeper page are an
-- index range scan (backwards) that stops after one page, whatever the size of the trail.
--  * no filter:  (municipality_code, occurred_at, id)
--  * user:       (municipality_code, lower(actor_username), occurred_at, id)   -- the filter is case-insensitive
--  * person:     (municipality_code, person_id, occurred_at, id)              -- partial: only rows about a person
--  * household:  (municipality_code, household_id, occurred_at, id)           -- partial: only rows about a household
--  * action:     (municipality_code, action, occurred_at, id)
-- A period (from/to) is a range on occurred_at in any of them. They replace the V4 indexes, which lacked the id
-- (no keyset) and indexed the username as typed (the search compares it case-insensitively, so it was never used).
DROP INDEX IF EXISTS audit_event_time_idx;
DROP INDEX IF EXISTS audit_event_person_idx;
DROP INDEX IF EXISTS audit_event_household_idx;
DROP INDEX IF EXISTS audit_event_actor_idx;

CREATE INDEX audit_event_page_idx ON audit_event (municipality_code, occurred_at, id);
CREATE INDEX audit_event_actor_page_idx ON audit_event (municipality_code, lower(actor_username), occurred_at, id);
CREATE INDEX audit_event_person_page_idx ON audit_event (municipality_code, person_id, occurred_at, id) WHERE person_id IS NOT NULL;
CREATE INDEX audit_event_household_page_idx ON audit_event (municipality_code, household_id, occurred_at, id) WHERE household_id IS NOT NULL;
CREATE INDEX audit_event_action_page_idx ON audit_event (municipality_code, action, occurred_at, id);
