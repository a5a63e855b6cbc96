-- Work lists that scale: each case carries a summary of its notifications (kept by a statement trigger, so bulk loads
-- with COPY keep it right too), and keyset indexes serve Mijn werk and the team caseload newest first.

ALTER TABLE care_case
    ADD COLUMN last_received_on   date,                       -- newest notification date (what the lists show and sort on)
    ADD COLUMN last_registered_at timestamptz,                -- newest registration: tie-break within a day
    ADD COLUMN open_received_on   date,                       -- the same over notifications nobody picked up yet
    ADD COLUMN open_registered_at timestamptz,
    ADD COLUMN open_notifications integer NOT NULL DEFAULT 0; -- how many notifications wait to be picked up

CREATE FUNCTION care_case_summarise(m varchar, case_ids uuid[]) RETURNS void LANGUAGE sql AS $$
    UPDATE care_case c
       SET last_received_on = s.last_received_on, last_registered_at = s.last_registered_at,
           open_received_on = s.open_received_on, open_registered_at = s.open_registered_at,
           open_notifications = s.open_notifications
      FROM (SELECT k.id,
                   max(n.received_on)                                       AS last_received_on,
                   max(n.registered_at)                                     AS last_registered_at,
                   max(n.received_on) FILTER (WHERE n.picked_up_at IS NULL)   AS open_received_on,
                   max(n.registered_at) FILTER (WHERE n.picked_up_at IS NULL) AS open_registered_at,
                   count(n.id) FILTER (WHERE n.picked_up_at IS NULL)          AS open_notifications
              FROM unnest(case_ids) AS k(id)
              LEFT JOIN notification n ON n.municipality_code = m AND n.case_id = k.id
             GROUP BY k.id) s
     WHERE c.municipality_code = m AND c.id = s.id
$$;

CREATE FUNCTION notification_summarise_cases() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
    FOR r IN SELECT municipality_code, array_agg(DISTINCT case_id) AS ids FROM changed_rows GROUP BY municipality_code LOOP
        PERFORM care_case_summarise(r.municipality_code, r.ids);
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER notification_summary_insert AFTER INSERT ON notification
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notification_summarise_cases();
CREATE TRIGGER notification_summary_update AFTER UPDATE ON notification
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notification_summarise_cases();
CREATE TRIGGER notification_summary_delete AFTER DELETE ON notification
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notification_summarise_cases();

-- Existing cases.
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT municipality_code, array_agg(id) AS ids FROM care_case GROUP BY municipality_code LOOP
        PERFORM care_case_summarise(r.municipality_code, r.ids);
    END LOOP;
END $$;

-- A case is never opened later than the day its first notification came in (the registration can be days later).
UPDATE care_case c
   SET opened_at = f.first_received::timestamp AT TIME ZONE 'Europe/Amsterdam'
  FROM (SELECT municipality_code, case_id, min(received_on) AS first_received FROM notification GROUP BY 1, 2) f
 WHERE f.municipality_code = c.municipality_code AND f.case_id = c.id
   AND c.opened_at > f.first_received::timestamp AT TIME ZONE 'Europe/Amsterdam';

-- Team caseload and the director's own cases, newest notification first (keyset: date, registration, id).
CREATE INDEX care_case_team_recent_idx ON care_case
    (municipality_code, team_id, last_received_on DESC, last_registered_at DESC, id DESC) WHERE last_received_on IS NOT NULL;
CREATE INDEX care_case_director_recent_idx ON care_case
    (municipality_code, case_director_id, last_received_on DESC, last_registered_at DESC, id DESC) WHERE last_received_on IS NOT NULL;
-- The team's new notifications (Mijn werk, caseload status "nieuw").
CREATE INDEX care_case_team_open_idx ON care_case
    (municipality_code, team_id, open_received_on DESC, open_registered_at DESC, id DESC) WHERE open_notifications > 0;
-- Cases without a director (caseload status "geen regisseur"): rare, so a small partial index.
CREATE INDEX care_case_team_no_director_idx ON care_case
    (municipality_code, team_id, last_received_on DESC, last_registered_at DESC, id DESC) WHERE case_director_id IS NULL;
-- The newest notification of a case (one index probe per row of a page).
CREATE INDEX notification_case_recent_idx ON notification (municipality_code, case_id, received_on DESC, registered_at DESC);
