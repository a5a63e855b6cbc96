-- Runs after every migration. The application connects as its own role (placeholder appRole);
-- it may read and write municipal data but may never change or remove the audit trail, a case timeline or a
-- break-the-glass grant.
DO $$
DECLARE app_role text := '${appRole}';
BEGIN
    IF app_role <> '' AND app_role <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app_role);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), app_role);
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), app_role);
        EXECUTE format('REVOKE ALL ON TABLE flyway_schema_history FROM %I', app_role);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON TABLE audit_event, case_event FROM %I', app_role);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON TABLE break_glass_grant FROM %I', app_role);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON TABLE plan_version FROM %I', app_role);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON TABLE wmo_request_event FROM %I', app_role);
    END IF;
END $$;
