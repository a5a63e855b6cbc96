-- identity: municipalities (tenants), districts, teams, users and their roles.
-- Every table holding municipal data carries municipality_code in its primary key.

CREATE TABLE municipality (
    code        varchar(4)   PRIMARY KEY,          -- CBS municipality code, e.g. 0171
    name        varchar(100) NOT NULL
);

CREATE TABLE district (
    municipality_code varchar(4)   NOT NULL REFERENCES municipality (code),
    code              varchar(40)  NOT NULL,
    name              varchar(100) NOT NULL,
    PRIMARY KEY (municipality_code, code)
);

CREATE TABLE team (
    municipality_code varchar(4)   NOT NULL REFERENCES municipality (code),
    id                uuid         NOT NULL,
    name              varchar(100) NOT NULL,
    created_at        timestamptz  NOT NULL,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, name)
);

-- A district is served by exactly one team, so routing is unambiguous.
CREATE TABLE team_district (
    municipality_code varchar(4)  NOT NULL,
    team_id           uuid        NOT NULL,
    district_code     varchar(40) NOT NULL,
    PRIMARY KEY (municipality_code, district_code),
    FOREIGN KEY (municipality_code, team_id) REFERENCES team (municipality_code, id) ON DELETE CASCADE,
    FOREIGN KEY (municipality_code, district_code) REFERENCES district (municipality_code, code)
);

CREATE TABLE app_user (
    municipality_code varchar(4)   NOT NULL REFERENCES municipality (code),
    id                uuid         NOT NULL,
    username          varchar(60)  NOT NULL,
    display_name      varchar(120) NOT NULL,
    email             varchar(200),
    password_hash     varchar(200),                 -- null for accounts that only log in through OIDC
    oidc_subject      varchar(200),
    team_id           uuid,
    active            boolean      NOT NULL DEFAULT true,
    created_at        timestamptz  NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, team_id) REFERENCES team (municipality_code, id)
);
CREATE UNIQUE INDEX app_user_username_uq ON app_user (lower(username));
CREATE UNIQUE INDEX app_user_oidc_subject_uq ON app_user (oidc_subject) WHERE oidc_subject IS NOT NULL;
CREATE INDEX app_user_team_idx ON app_user (municipality_code, team_id);

CREATE TABLE user_role (
    municipality_code varchar(4)  NOT NULL,
    user_id           uuid        NOT NULL,
    role              varchar(40) NOT NULL CHECK (role IN ('CASE_DIRECTOR','TEAM_LEAD','MEETING_FACILITATOR',
                                                          'POLICY_OFFICER','ADMINISTRATOR','PRIVACY_OFFICER','RESIDENT')),
    PRIMARY KEY (municipality_code, user_id, role),
    FOREIGN KEY (municipality_code, user_id) REFERENCES app_user (municipality_code, id) ON DELETE CASCADE
);
