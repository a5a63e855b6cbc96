-- budget: the custom budget (maatwerkbudget, Zaanstad model). A case director asks, the team decides (quorum, one
-- rejection ends it), approved requests go into a payment batch (SEPA pain.001.001.03 + CSV) within a working day.
-- Amounts are exact: whole cents in bigint.

CREATE TABLE budget_request (
    municipality_code      varchar(4)    NOT NULL REFERENCES municipality (code),
    id                     uuid          NOT NULL,
    household_id           uuid          NOT NULL,
    team_id                uuid          NOT NULL,
    requested_by           uuid          NOT NULL,
    payee_kind             varchar(20)   NOT NULL CHECK (payee_kind IN ('ORGANISATION', 'RESIDENT')),
    payee_name             varchar(140)  NOT NULL,
    payee_iban             varchar(34)   NOT NULL,
    invoice_reference      varchar(35)   NOT NULL,
    resident_reason        varchar(2000),
    amount_cents           bigint        NOT NULL CHECK (amount_cents > 0),
    purpose                varchar(2000) NOT NULL,
    category               varchar(30)   NOT NULL,
    problem_solved         varchar(2000) NOT NULL,
    costs_prevented        varchar(2000) NOT NULL,
    prevented_cents        bigint        CHECK (prevented_cents IS NULL OR prevented_cents >= 0),
    recurrence_prevention  varchar(2000) NOT NULL,
    reflection_return      varchar(2000) NOT NULL,
    reflection_legitimacy  varchar(2000) NOT NULL,
    reflection_involvement varchar(2000) NOT NULL,
    standard_tried         boolean       NOT NULL,
    standard_options       varchar(2000),
    plan_item_kind         varchar(20)   NOT NULL,
    plan_item_id           uuid          NOT NULL,
    plan_item_label        varchar(500)  NOT NULL,
    status                 varchar(20)   NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'IN_BATCH', 'PAID')),
    requested_at           timestamptz   NOT NULL,
    decided_at             timestamptz,
    paid_at                timestamptz,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id),
    FOREIGN KEY (municipality_code, team_id) REFERENCES team (municipality_code, id),
    CHECK (payee_kind = 'ORGANISATION' OR resident_reason IS NOT NULL)
);
CREATE INDEX budget_request_household_idx ON budget_request (municipality_code, household_id);
CREATE INDEX budget_request_team_idx ON budget_request (municipality_code, team_id, status);

-- One decision per team member per request: two clicks (or two servers) can never count a member twice.
CREATE TABLE budget_decision (
    municipality_code varchar(4)    NOT NULL,
    request_id        uuid          NOT NULL,
    member_id         uuid          NOT NULL,
    approve           boolean       NOT NULL,
    remark            varchar(2000) NOT NULL,
    decided_at        timestamptz   NOT NULL,
    PRIMARY KEY (municipality_code, request_id, member_id),
    FOREIGN KEY (municipality_code, request_id) REFERENCES budget_request (municipality_code, id)
);

CREATE TABLE budget_batch (
    municipality_code varchar(4)   NOT NULL REFERENCES municipality (code),
    id                uuid         NOT NULL,
    team_id           uuid         NOT NULL,
    message_id        varchar(35)  NOT NULL,
    created_at        timestamptz  NOT NULL,
    created_by        varchar(100) NOT NULL,
    transactions      integer      NOT NULL CHECK (transactions > 0),
    control_cents     bigint       NOT NULL CHECK (control_cents > 0),
    pain_xml          text         NOT NULL,
    csv               text         NOT NULL,
    paid_at           timestamptz,
    paid_by           uuid,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, message_id),
    FOREIGN KEY (municipality_code, team_id) REFERENCES team (municipality_code, id)
);

-- Never pay twice: a request is in at most one batch.
CREATE TABLE budget_batch_item (
    municipality_code varchar(4) NOT NULL,
    batch_id          uuid       NOT NULL,
    request_id        uuid       NOT NULL,
    PRIMARY KEY (municipality_code, batch_id, request_id),
    UNIQUE (municipality_code, request_id),
    FOREIGN KEY (municipality_code, batch_id) REFERENCES budget_batch (municipality_code, id),
    FOREIGN KEY (municipality_code, request_id) REFERENCES budget_request (municipality_code, id)
);

-- The annual budget of a team (set by the team lead or an administrator).
CREATE TABLE budget_allowance (
    municipality_code varchar(4)   NOT NULL,
    team_id           uuid         NOT NULL,
    year              integer      NOT NULL CHECK (year BETWEEN 2000 AND 2199),
    amount_cents      bigint       NOT NULL CHECK (amount_cents >= 0),
    set_by            uuid         NOT NULL,
    set_at            timestamptz  NOT NULL,
    PRIMARY KEY (municipality_code, team_id, year),
    FOREIGN KEY (municipality_code, team_id) REFERENCES team (municipality_code, id)
);
