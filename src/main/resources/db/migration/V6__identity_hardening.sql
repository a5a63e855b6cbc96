-- identity hardening (issue 5, items 4, 5, 6, 10).

-- Item 4: every change of an account (roles, team, active, password) bumps its security version; open sessions
-- compare the version their principal was built with on every request and are rebuilt or ended on a mismatch.
ALTER TABLE app_user ADD COLUMN security_version bigint NOT NULL DEFAULT 0;

-- Item 10: an OIDC account is bound to issuer + subject, never to a username. Rows from before V6 have no issuer;
-- they are bound to the issuer of the first login, and only while exactly one identity provider is configured.
ALTER TABLE app_user ADD COLUMN oidc_issuer varchar(300);
DROP INDEX app_user_oidc_subject_uq;
CREATE UNIQUE INDEX app_user_oidc_identity_uq ON app_user (coalesce(oidc_issuer, ''), oidc_subject) WHERE oidc_subject IS NOT NULL;

-- Item 10: usernames are unique per municipality, no longer across the whole installation.
DROP INDEX app_user_username_uq;
CREATE UNIQUE INDEX app_user_username_uq ON app_user (municipality_code, lower(username));
CREATE INDEX app_user_username_idx ON app_user (lower(username));

-- Item 5: failed logins per login name (as typed, normalised) and per source address. Deliberately not per
-- municipality: a failed login happens before anyone knows which account, if any, is meant.
CREATE TABLE login_throttle (
    kind         varchar(10)  NOT NULL CHECK (kind IN ('ACCOUNT', 'SOURCE')),
    throttle_key varchar(200) NOT NULL,
    failures     integer      NOT NULL,
    window_start timestamptz  NOT NULL,
    locked_until timestamptz,
    lock_count   integer      NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, throttle_key)
);

-- Item 6: an administrator's request to give themselves casework roles or a team waits for another administrator.
CREATE TABLE pending_account_change (
    municipality_code     varchar(4)   NOT NULL REFERENCES municipality (code),
    id                    uuid         NOT NULL,
    user_id               uuid         NOT NULL,
    requested_by          uuid         NOT NULL,
    requested_by_username varchar(60)  NOT NULL,
    requested_at          timestamptz  NOT NULL,
    base_version          bigint       NOT NULL,
    display_name          varchar(120) NOT NULL,
    email                 varchar(200),
    team_id               uuid,
    active                boolean      NOT NULL,
    roles                 varchar(300) NOT NULL,
    before_text           varchar(500) NOT NULL,
    after_text            varchar(500) NOT NULL,
    status                varchar(10)  NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED', 'STALE')),
    decided_by            uuid,
    decided_by_username   varchar(60),
    decided_at            timestamptz,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, user_id) REFERENCES app_user (municipality_code, id),
    FOREIGN KEY (municipality_code, requested_by) REFERENCES app_user (municipality_code, id)
);
CREATE INDEX pending_account_change_open_idx ON pending_account_change (municipality_code, status, requested_at);
