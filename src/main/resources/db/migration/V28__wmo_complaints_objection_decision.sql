-- wmo: one complaints register across Wmo, Jeugdwet and Participatiewet (Awb chapter 9), and the decision on an objection.

CREATE TABLE wmo_complaint (
    municipality_code varchar(4)    NOT NULL,
    id                uuid          NOT NULL,
    law               varchar(20)   NOT NULL CHECK (law IN ('WMO','JEUGDWET','PARTICIPATIEWET')),
    category          varchar(20)   NOT NULL CHECK (category IN ('LEVEL_OF_SUPPORT','CO_PAYMENT','OWN_STRENGTH','TREATMENT','OTHER')),
    received_on       date          NOT NULL,
    from_kind         varchar(15)   NOT NULL CHECK (from_kind IN ('RESIDENT','REPRESENTATIVE')),
    representative    varchar(200),
    household_id      uuid          NOT NULL,
    team_id           uuid          NOT NULL,
    request_id        uuid,
    summary           varchar(4000) NOT NULL,
    extended_weeks    int           CHECK (extended_weeks BETWEEN 1 AND 4),
    extension_reason  varchar(500),
    handled_by        varchar(200),
    handled_how       varchar(15)   CHECK (handled_how IN ('CONVERSATION','WRITTEN')),
    outcome           varchar(4000),
    closed_on         date,
    created_at        timestamptz   NOT NULL,
    created_by        uuid          NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id),
    FOREIGN KEY (municipality_code, team_id) REFERENCES team (municipality_code, id),
    FOREIGN KEY (municipality_code, request_id) REFERENCES wmo_request (municipality_code, id),
    CHECK ((extended_weeks IS NULL) = (extension_reason IS NULL)),
    CHECK (from_kind = 'RESIDENT' OR representative IS NOT NULL),
    CHECK (closed_on IS NULL OR (handled_by IS NOT NULL AND handled_how IS NOT NULL AND outcome IS NOT NULL AND closed_on >= received_on))
);
CREATE INDEX wmo_complaint_team_idx ON wmo_complaint (municipality_code, team_id, received_on);
CREATE INDEX wmo_complaint_household_idx ON wmo_complaint (municipality_code, household_id);

-- The decision on the objection (Awb 7:10: 6 weeks after the objection term ended, 12 with an advisory committee).
ALTER TABLE wmo_request
    ADD COLUMN objection_committee        boolean NOT NULL DEFAULT false,
    ADD COLUMN objection_decided_on       date,
    ADD COLUMN objection_outcome          varchar(20) CHECK (objection_outcome IN ('WELL_FOUNDED','PARTLY_WELL_FOUNDED','UNFOUNDED','INADMISSIBLE')),
    ADD COLUMN objection_decision_grounds varchar(4000),
    ADD COLUMN objection_decided_by       uuid;
