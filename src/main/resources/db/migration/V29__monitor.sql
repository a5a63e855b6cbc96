-- monitor: the facts of the council monitor (aggregates only, never a household or a person) per refresh
-- "generation", the state of each municipality's refresh, and the read-only council role.

CREATE TABLE monitor_fact (
    municipality_code varchar(4)    NOT NULL,
    generation        bigint        NOT NULL,
    measure           varchar(60)   NOT NULL,
    year              int           NOT NULL,
    district_code     varchar(40)   NOT NULL DEFAULT '',
    team_id           uuid,
    law               varchar(20)   NOT NULL DEFAULT '',
    key1              varchar(100)  NOT NULL DEFAULT '',
    key2              varchar(100)  NOT NULL DEFAULT '',
    n                 bigint        NOT NULL,
    amount            numeric(18,2)
);
-- A table for one year/district/law reads one measure of one year of the current generation.
CREATE INDEX monitor_fact_read_idx ON monitor_fact (municipality_code, generation, measure, year);

CREATE TABLE monitor_refresh (
    municipality_code varchar(4)    NOT NULL PRIMARY KEY,
    generation        bigint        NOT NULL DEFAULT 0,      -- the current (published) generation; 0 = none yet
    refreshed_at      timestamptz,                           -- when the current generation was made
    started_at        timestamptz,
    finished_at       timestamptz,
    duration_ms       bigint,
    fact_rows         bigint,
    status            varchar(10)   NOT NULL DEFAULT 'NONE' CHECK (status IN ('NONE','RUNNING','OK','FAILED')),
    error_text        varchar(500),
    percent           int           NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    step              varchar(100)
);

-- The council member (raadslid): the monitor's aggregates, nothing else.
ALTER TABLE user_role DROP CONSTRAINT IF EXISTS user_role_role_check;
ALTER TABLE user_role ADD CONSTRAINT user_role_role_check CHECK (role IN ('CASE_DIRECTOR','TEAM_LEAD','MEETING_FACILITATOR',
    'POLICY_OFFICER','ADMINISTRATOR','PRIVACY_OFFICER','RESIDENT','COUNCIL'));

-- The refresh's timeliness facts add each request's suspensions and extensions (a correlated lookup per request).
CREATE INDEX IF NOT EXISTS wmo_term_change_request_idx ON wmo_term_change (municipality_code, request_id);
