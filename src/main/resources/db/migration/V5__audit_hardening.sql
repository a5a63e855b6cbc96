-- Audit hardening (issue 5 items 2 and 9):
--  * security events (logins, lockouts, refusals, rate limits) and access changes are audit actions too;
--  * the source address and before/after values of a change are kept;
--  * occurred_at comes from the database clock, whatever the application sends (no backdating);
--  * every row is chained per municipality: row_hash = sha256(prev_hash || '|' || canonical row text), computed in
--    a trigger under an advisory lock, so a changed, removed or inserted row breaks the chain at that row;
--  * break-the-glass grants are insert-only like the audit trail.

ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN (
    'READ','CREATE','UPDATE','DELETE','EXPORT','SEARCH','BREAK_GLASS',
    'LOGIN','LOGIN_FAILED','LOCKOUT','LOGOUT','SESSION_REVOKED','ACCESS_DENIED','RATE_LIMITED','ACCESS_CHANGE'));

ALTER TABLE audit_event
    ADD COLUMN source_address varchar(64),
    ADD COLUMN before_value   varchar(500),
    ADD COLUMN after_value    varchar(500),
    ADD COLUMN chain_seq      bigint,
    ADD COLUMN prev_hash      char(64),
    ADD COLUMN row_hash       char(64);
ALTER TABLE audit_event ALTER COLUMN occurred_at SET DEFAULT clock_timestamp();

-- The text that is hashed. json_build_array keeps order and escapes every value, so no two rows share a text;
-- the time is written in UTC with microseconds so the text does not depend on the session's time zone.
CREATE FUNCTION audit_row_text(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT json_build_array(e.municipality_code, e.chain_seq, e.id,
                            to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                            e.actor_id, e.actor_username, e.action, e.record_type, e.record_id, e.household_id, e.person_id,
                            e.route, e.reason, e.source_address, e.before_value, e.after_value)::text
$$;

CREATE FUNCTION audit_row_hash(prev char(64), e audit_event) RETURNS char(64) LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(prev || '|' || audit_row_text(e), 'UTF8')), 'hex')
$$;

-- Existing rows (written before V5) get their chain now, in the order they were written.
ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
DO $$
DECLARE
    r audit_event;
    m text := NULL;
    seq bigint;
    prev char(64);
BEGIN
    FOR r IN SELECT * FROM audit_event ORDER BY municipality_code, id LOOP
        IF m IS DISTINCT FROM r.municipality_code THEN
            m := r.municipality_code;
            seq := 0;
            prev := repeat('0', 64);
        END IF;
        seq := seq + 1;
        r.chain_seq := seq;
        r.prev_hash := prev;
        r.row_hash := audit_row_hash(prev, r);
        UPDATE audit_event SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, row_hash = r.row_hash
         WHERE municipality_code = r.municipality_code AND id = r.id;
        prev := r.row_hash;
    END LOOP;
END $$;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;

ALTER TABLE audit_event
    ALTER COLUMN chain_seq SET NOT NULL,
    ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN row_hash SET NOT NULL;
CREATE UNIQUE INDEX audit_event_chain_idx ON audit_event (municipality_code, chain_seq);

-- Time and chain are set here, never by the application. The advisory lock (per municipality) is held until the
-- inserting transaction ends; the application writes audit rows in autocommit, so only for that one insert.
CREATE FUNCTION audit_event_seal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last record;
BEGIN
    NEW.occurred_at := clock_timestamp();
    PERFORM pg_advisory_xact_lock(hashtext('audit_event'), hashtext(NEW.municipality_code));
    SELECT chain_seq, row_hash INTO last FROM audit_event
     WHERE municipality_code = NEW.municipality_code ORDER BY chain_seq DESC LIMIT 1;
    IF last IS NULL OR last.chain_seq IS NULL THEN
        NEW.chain_seq := 1;
        NEW.prev_hash := repeat('0', 64);
    ELSE
        NEW.chain_seq := last.chain_seq + 1;
        NEW.prev_hash := last.row_hash;
    END IF;
    NEW.row_hash := audit_row_hash(NEW.prev_hash, NEW);
    RETURN NEW;
END $$;
CREATE TRIGGER audit_event_seal BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_seal();

-- Break-the-glass grants: written once, never changed or removed (an expired grant is simply no longer valid).
CREATE TRIGGER break_glass_grant_append_only BEFORE UPDATE OR DELETE ON break_glass_grant
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER break_glass_grant_no_truncate BEFORE TRUNCATE ON break_glass_grant
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
