-- wmo: legal terms per municipality and law (defaults in code), days equated with general holidays by decree.

CREATE TABLE wmo_term_setting (
    municipality_code varchar(4)  NOT NULL REFERENCES municipality (code),
    law               varchar(20) NOT NULL CHECK (law IN ('WMO','JEUGDWET','PARTICIPATIEWET')),
    step              varchar(20) NOT NULL CHECK (step IN ('PERSOONLIJK_PLAN','ONDERZOEK','BESCHIKKING','BEZWAAR')),
    amount            int         NOT NULL CHECK (amount BETWEEN 1 AND 520),
    unit              varchar(5)  NOT NULL CHECK (unit IN ('DAYS','WEEKS')),
    changed_at        timestamptz NOT NULL,
    changed_by        uuid        NOT NULL,
    PRIMARY KEY (municipality_code, law, step)
);

-- Days the government equated with a general holiday (Algemene termijnenwet art. 3 lid 3), kept by an administrator.
CREATE TABLE wmo_equated_day (
    municipality_code varchar(4)   NOT NULL REFERENCES municipality (code),
    day               date         NOT NULL,
    name              varchar(120) NOT NULL,
    decree            varchar(200),
    added_at          timestamptz  NOT NULL,
    added_by          uuid         NOT NULL,
    PRIMARY KEY (municipality_code, day)
);

-- The co-payment rate (abonnementstarief) per year in cents, when the municipality asks less than the national maximum.
CREATE TABLE wmo_copayment_rate (
    municipality_code varchar(4) NOT NULL REFERENCES municipality (code),
    year              int        NOT NULL CHECK (year BETWEEN 2019 AND 2199),
    monthly_cents     bigint     NOT NULL CHECK (monthly_cents >= 0),
    PRIMARY KEY (municipality_code, year)
);

-- One request under a law, from the melding to the decision on an objection. The state is the legal state (RequestState).
CREATE TABLE wmo_request (
    municipality_code  varchar(4)    NOT NULL,
    id                 uuid          NOT NULL,
    household_id       uuid          NOT NULL,
    person_id          uuid          NOT NULL,
    notification_id    uuid,
    team_id            uuid          NOT NULL,
    law                varchar(20)   NOT NULL CHECK (law IN ('WMO','JEUGDWET','PARTICIPATIEWET')),
    state              varchar(20)   NOT NULL CHECK (state IN ('MELDING','ONDERZOCHT','AANVRAAG','BESCHIKT','BEZWAAR','BEZWAAR_BESLIST')),
    melding_on         date          NOT NULL,
    confirmed_on       date          NOT NULL,
    question           varchar(4000) NOT NULL,
    personal_plan_on   date,
    personal_plan      varchar(4000),
    investigated_on    date,
    own_strength       varchar(4000),
    network            varchar(4000),
    usual_help         varchar(4000),
    general_considered varchar(4000),
    why_not_enough     varchar(4000),
    custom_proposed    boolean       NOT NULL DEFAULT false,
    aanvraag_on        date,
    decided_on         date,
    outcome            varchar(10)   CHECK (outcome IN ('GRANTED','PARTLY','REFUSED')),
    grounds            varchar(4000),
    copayment_cents    bigint        CHECK (copayment_cents >= 0),
    copayment_note     varchar(500),
    decided_by         uuid,
    objection_on       date,
    objection_grounds  varchar(4000),
    created_at         timestamptz   NOT NULL,
    created_by         uuid          NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id),
    FOREIGN KEY (municipality_code, person_id) REFERENCES person (municipality_code, id),
    FOREIGN KEY (municipality_code, team_id) REFERENCES team (municipality_code, id)
);
CREATE INDEX wmo_request_household_idx ON wmo_request (municipality_code, household_id);
CREATE INDEX wmo_request_team_idx ON wmo_request (municipality_code, team_id, state);

-- A provision in a decision: form (in kind / pgb), extent, dates, provider, the pgb checklist and cap.
CREATE TABLE wmo_decision_line (
    municipality_code   varchar(4)    NOT NULL,
    id                  uuid          NOT NULL,
    request_id          uuid          NOT NULL,
    provision_id        uuid          NOT NULL,
    form                varchar(6)    NOT NULL CHECK (form IN ('NATURA','PGB')),
    volume              numeric(9,2)  NOT NULL CHECK (volume > 0),
    unit                varchar(2)    NOT NULL,
    frequency           varchar(1)    NOT NULL CHECK (frequency IN ('1','2','4','6')),
    start_on            date          NOT NULL,
    end_on              date          NOT NULL,
    provider_id         uuid,
    tariff_cents        bigint        NOT NULL CHECK (tariff_cents >= 0),
    pgb_asked_cents     bigint,
    pgb_cap_cents       bigint,
    pgb_amount_cents    bigint,
    pgb_can_manage      varchar(1000),
    pgb_motivated       varchar(1000),
    pgb_quality         varchar(1000),
    care_agreement_on   date,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, request_id) REFERENCES wmo_request (municipality_code, id),
    FOREIGN KEY (municipality_code, provision_id) REFERENCES provision (municipality_code, id),
    CHECK (end_on >= start_on),
    CHECK (form = 'NATURA' OR (pgb_amount_cents IS NOT NULL AND pgb_can_manage IS NOT NULL AND pgb_motivated IS NOT NULL AND pgb_quality IS NOT NULL))
);

-- Suspensions (Awb 4:15) and extensions of a step's term, with their reasons.
CREATE TABLE wmo_term_change (
    municipality_code varchar(4)   NOT NULL,
    id                uuid         NOT NULL,
    request_id        uuid         NOT NULL,
    step              varchar(20)  NOT NULL,
    kind              varchar(10)  NOT NULL CHECK (kind IN ('SUSPENSION','EXTENSION')),
    from_on           date         NOT NULL,
    until_on          date,
    weeks             int          CHECK (weeks BETWEEN 1 AND 52),
    reason            varchar(500) NOT NULL,
    created_at        timestamptz  NOT NULL,
    created_by        uuid         NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, request_id) REFERENCES wmo_request (municipality_code, id)
);

-- What happened to the request, in order (append-only).
CREATE TABLE wmo_request_event (
    municipality_code varchar(4)   NOT NULL,
    id                bigint       GENERATED ALWAYS AS IDENTITY,
    request_id        uuid         NOT NULL,
    occurred_at       timestamptz  NOT NULL,
    actor_name        varchar(120) NOT NULL,
    summary           varchar(1000) NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, request_id) REFERENCES wmo_request (municipality_code, id)
);
CREATE INDEX wmo_request_event_idx ON wmo_request_event (municipality_code, request_id, id);
