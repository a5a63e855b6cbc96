-- returns: the societal price list (versioned), case returns with their scenario lines, the breakthrough view,
-- and projects with their return model (the innovation portfolio).

-- One row per version of an item: a new price closes the old version (valid_to) and adds a new one. Lines of a saved
-- calculation keep the unit price they used, so a later price never changes an old calculation.
CREATE TABLE price_list_item (
    municipality_code varchar(4)    NOT NULL REFERENCES municipality (code),
    id                uuid          NOT NULL,
    code              varchar(40)   NOT NULL,
    version           integer       NOT NULL CHECK (version >= 1),
    name              varchar(200)  NOT NULL,
    unit              varchar(20)   NOT NULL,
    price             numeric(14,2) NOT NULL CHECK (price >= 0),
    payer             varchar(40)   NOT NULL,
    source_document   varchar(200)  NOT NULL,
    source_line       varchar(60)   NOT NULL,
    note              varchar(500),
    valid_from        date          NOT NULL,
    valid_to          date,
    created_by        varchar(100)  NOT NULL,
    created_at        timestamptz   NOT NULL,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, code, version),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
-- At most one open version per item.
CREATE UNIQUE INDEX price_list_item_open_uq ON price_list_item (municipality_code, code) WHERE valid_to IS NULL;

CREATE TABLE case_return (
    municipality_code   varchar(4)    NOT NULL REFERENCES municipality (code),
    id                  uuid          NOT NULL,
    household_id        uuid          NOT NULL,
    title               varchar(200)  NOT NULL,
    years               numeric(6,2)  NOT NULL CHECK (years > 0),
    assumptions         varchar(4000) NOT NULL,
    reflection_return   varchar(2000),
    reflection_legitimacy varchar(2000),
    reflection_involvement varchar(2000),
    meeting_id          uuid,
    budget_request_id   uuid,
    reference_total     numeric(16,2) NOT NULL,
    actual_total        numeric(16,2) NOT NULL,
    created_by          uuid          NOT NULL,
    created_at          timestamptz   NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id)
);
CREATE INDEX case_return_household_idx ON case_return (municipality_code, household_id);

CREATE TABLE case_return_line (
    municipality_code varchar(4)    NOT NULL,
    return_id         uuid          NOT NULL,
    side              varchar(10)   NOT NULL CHECK (side IN ('REFERENCE', 'ACTUAL')),
    position          integer       NOT NULL,
    item_code         varchar(40),
    item_version      integer,
    description       varchar(200)  NOT NULL,
    unit              varchar(20)   NOT NULL,
    payer             varchar(40)   NOT NULL,
    unit_price        numeric(14,2) NOT NULL,
    quantity          numeric(12,4) NOT NULL,
    periods           numeric(12,4) NOT NULL,
    amount            numeric(16,2) NOT NULL,
    PRIMARY KEY (municipality_code, return_id, side, position),
    FOREIGN KEY (municipality_code, return_id) REFERENCES case_return (municipality_code, id)
);

-- The breakthrough view: who and what is around a household, with the yearly cost before and after.
CREATE TABLE breakthrough_entry (
    municipality_code varchar(4)    NOT NULL REFERENCES municipality (code),
    id                uuid          NOT NULL,
    household_id      uuid          NOT NULL,
    kind              varchar(20)   NOT NULL CHECK (kind IN ('PROFESSIONAL', 'PARTY', 'INTERVENTION')),
    name              varchar(200)  NOT NULL,
    yearly_cost_before numeric(14,2) NOT NULL CHECK (yearly_cost_before >= 0),
    remains_after     boolean       NOT NULL,
    yearly_cost_after numeric(14,2) NOT NULL CHECK (yearly_cost_after >= 0),
    created_by        uuid          NOT NULL,
    created_at        timestamptz   NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id)
);
CREATE INDEX breakthrough_entry_household_idx ON breakthrough_entry (municipality_code, household_id);

CREATE TABLE project (
    municipality_code   varchar(4)    NOT NULL REFERENCES municipality (code),
    id                  uuid          NOT NULL,
    name                varchar(200)  NOT NULL,
    origin              varchar(200),
    goal                varchar(4000) NOT NULL,
    status              varchar(20)   NOT NULL CHECK (status IN ('PLANNED', 'RUNNING', 'FINISHED', 'STOPPED_EARLY')),
    period_from         date,
    period_to           date,
    investment          numeric(14,2),
    investment_note     varchar(200),
    participants        varchar(1000),
    results             varchar(8000),
    embedding_plan      varchar(4000),
    return_kind         varchar(20)   NOT NULL CHECK (return_kind IN ('MEASURED', 'ESTIMATED', 'UNKNOWN')),
    return_method       varchar(2000),
    reported_return     numeric(14,2),
    reported_return_note varchar(200),
    seed_note           varchar(2000),
    source              varchar(200),
    business_as_usual_share numeric(5,4) NOT NULL DEFAULT 0 CHECK (business_as_usual_share BETWEEN 0 AND 1),
    created_by          varchar(100)  NOT NULL,
    created_at          timestamptz   NOT NULL,
    PRIMARY KEY (municipality_code, id),
    CHECK (status <> 'RUNNING' OR (embedding_plan IS NOT NULL AND length(btrim(embedding_plan)) > 0))
);
CREATE UNIQUE INDEX project_name_uq ON project (municipality_code, lower(name));

CREATE TABLE project_model_line (
    municipality_code varchar(4)    NOT NULL,
    project_id        uuid          NOT NULL,
    position          integer       NOT NULL,
    kind              varchar(20)   NOT NULL CHECK (kind IN ('LEAVERS', 'OTHER_SAVING', 'COST_FIXED', 'COST_STAFF', 'COST_YEARLY')),
    description       varchar(300)  NOT NULL,
    count             numeric(10,2),
    part_time         boolean,
    value_per_leaver  numeric(14,2),
    value_source      varchar(200),
    amount            numeric(14,2),
    share             numeric(5,4) CHECK (share BETWEEN 0 AND 1),
    fte               numeric(6,3),
    rate_per_year     numeric(14,2),
    years             numeric(6,2),
    PRIMARY KEY (municipality_code, project_id, position),
    FOREIGN KEY (municipality_code, project_id) REFERENCES project (municipality_code, id)
);
