-- The keys of the tables that grow with the households lead with the column a query looks up (an id, a household, a
-- person, a request...), and the municipality follows it.
--
-- Why: a b-tree is built (and searched) by comparing keys. When every key starts with the same municipality_code
-- (varchar, nearly one value per database), PostgreSQL cannot sort on a short fixed-size prefix of the key (its
-- "abbreviated key" gives up when all prefixes are equal) and must read every compared tuple, past a variable-length
-- first column, for each comparison. Measured on a generated million households (idle, one core): assessment_score's
-- key 8.0 s -> 3.3 s, household_member's 2.7 -> 0.9 s, person (birth_date) 5.5 -> 1.8 s, audit_event (household, time)
-- 4.5 -> 2.1 s; about 25 s of index building less for the whole database (docs/benchmarks.md, seventh session).
--
-- The lookups are unchanged: every query of these tables compares both the lookup column and municipality_code with
-- "=" (tenant separation), and a b-tree answers equality on its first two columns in either order; the columns after
-- them (time, version) still give the order the pages read in. Unique keys stay unique on the same columns.
--
-- Kept with municipality_code first: indexes that list a whole municipality in an order (the audit log by time and by
-- action, the audit chain, the name search's sort-name range, the caseload lists of care_case), and keys other tables
-- refer to (person, household, assessment, wmo_request, ...): those would take every foreign key with them, are kept
-- during the generator's load, not rebuilt, and gain little.

-- Primary keys no foreign key refers to.
ALTER TABLE assessment_score DROP CONSTRAINT assessment_score_pkey,
    ADD CONSTRAINT assessment_score_pkey PRIMARY KEY (assessment_id, domain, municipality_code);
ALTER TABLE household_member DROP CONSTRAINT household_member_pkey,
    ADD CONSTRAINT household_member_pkey PRIMARY KEY (household_id, person_id, municipality_code);
ALTER TABLE plan_version DROP CONSTRAINT plan_version_pkey,
    ADD CONSTRAINT plan_version_pkey PRIMARY KEY (plan_id, version, municipality_code);
-- The same for every table keyed by its own id.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['audit_event', 'case_event', 'wmo_request_event', 'wmo_decision_line', 'network_member',
                             'notification', 'consent', 'meeting_agreement', 'survey_invitation', 'survey_response'] LOOP
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I, ADD CONSTRAINT %I PRIMARY KEY (id, municipality_code)',
                       t, t || '_pkey', t || '_pkey');
    END LOOP;
END $$;

-- Lookups by person, household, request, case or meeting.
DO $$
DECLARE
    i record;
BEGIN
    FOR i IN SELECT * FROM (VALUES
            ('household_member_person_idx', 'household_member', 'person_id'),
            ('person_birth_date_idx', 'person', 'birth_date'),
            ('wmo_decision_line_request_idx', 'wmo_decision_line', 'request_id'),
            ('wmo_request_household_idx', 'wmo_request', 'household_id'),
            ('network_member_household_idx', 'network_member', 'household_id'),
            ('consent_person_idx', 'consent', 'person_id'),
            ('meeting_household_idx', 'meeting', 'household_id'),
            ('meeting_participant_meeting_idx', 'meeting_participant', 'meeting_id'),
            ('survey_response_meeting_idx', 'survey_response', 'meeting_id')) AS v(name, tab, col) LOOP
        EXECUTE format('DROP INDEX %I', i.name);
        EXECUTE format('CREATE INDEX %I ON %I (%I, municipality_code)', i.name, i.tab, i.col);
    END LOOP;
END $$;

-- Unique, partial, or with the columns the pages read in order after the municipality.
DROP INDEX person_bsn_uq;
CREATE UNIQUE INDEX person_bsn_uq ON person (bsn, municipality_code) WHERE bsn IS NOT NULL;
DROP INDEX person_postal_code_idx;
CREATE INDEX person_postal_code_idx ON person (postal_code, house_number, municipality_code);
DROP INDEX audit_event_household_page_idx;
CREATE INDEX audit_event_household_page_idx ON audit_event (household_id, municipality_code, occurred_at, id)
    WHERE household_id IS NOT NULL;
DROP INDEX audit_event_person_page_idx;
CREATE INDEX audit_event_person_page_idx ON audit_event (person_id, municipality_code, occurred_at, id)
    WHERE person_id IS NOT NULL;
DROP INDEX audit_event_actor_page_idx;
CREATE INDEX audit_event_actor_page_idx ON audit_event (lower(actor_username), municipality_code, occurred_at, id);
DROP INDEX plan_version_household_idx;
CREATE INDEX plan_version_household_idx ON plan_version (household_id, municipality_code, version DESC);
DROP INDEX assessment_household_idx;
CREATE INDEX assessment_household_idx ON assessment (household_id, municipality_code, assessed_on);
DROP INDEX case_event_case_idx;
CREATE INDEX case_event_case_idx ON case_event (case_id, municipality_code, occurred_at);
DROP INDEX wmo_request_event_idx;
CREATE INDEX wmo_request_event_idx ON wmo_request_event (request_id, municipality_code, id);
DROP INDEX notification_case_recent_idx;
CREATE INDEX notification_case_recent_idx ON notification (case_id, municipality_code, received_on DESC, registered_at DESC);
-- notification_case_idx (V3) was the first two columns of notification_case_recent_idx (V16): every lookup it served
-- the longer index serves as well.
DROP INDEX notification_case_idx;
