-- intake: the household's case (one per household), notifications (meldingen) and the case timeline.

CREATE TABLE care_case (
    municipality_code varchar(4)  NOT NULL,
    id                uuid        NOT NULL,
    household_id      uuid        NOT NULL,
    team_id           uuid        NOT NULL,
    case_director_id  uuid,
    opened_at         timestamptz NOT NULL,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, household_id),      -- one household, one case
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id),
    FOREIGN KEY (municipality_code, team_id) REFERENCES team (municipality_code, id),
    FOREIGN KEY (municipality_code, case_director_id) REFERENCES app_user (municipality_code, id)
);
CREATE INDEX care_case_team_idx ON care_case (municipality_code, team_id);
CREATE INDEX care_case_director_idx ON care_case (municipality_code, case_director_id);

CREATE TABLE notification (
    municipality_code  varchar(4)    NOT NULL,
    id                 uuid          NOT NULL,
    case_id            uuid          NOT NULL,
    channel            varchar(30)   NOT NULL CHECK (channel IN ('KCC_PHONE','KCC_DESK','KCC_DIGITAL','NEIGHBOURHOOD_TEAM',
                                                               'WMO_COUNTER','WERKPLEIN','GP_PRACTICE','PARTNER_SIGNAL','RESIDENT')),
    received_on        date          NOT NULL,
    registered_at      timestamptz   NOT NULL,
    registered_by      uuid          NOT NULL,
    reporter           varchar(200),
    question_as_asked  varchar(4000) NOT NULL,
    question_behind    varchar(4000),
    own_strength       varchar(4000),
    network_summary    varchar(4000),
    support_other_laws varchar(4000),
    carer_load         varchar(4000),
    childrens_needs    varchar(4000),
    picked_up_at       timestamptz,
    picked_up_by       uuid,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, case_id) REFERENCES care_case (municipality_code, id),
    FOREIGN KEY (municipality_code, registered_by) REFERENCES app_user (municipality_code, id),
    FOREIGN KEY (municipality_code, picked_up_by) REFERENCES app_user (municipality_code, id)
);
CREATE INDEX notification_case_idx ON notification (municipality_code, case_id);
CREATE INDEX notification_open_idx ON notification (municipality_code, registered_at) WHERE picked_up_at IS NULL;

-- Append-only: who did what when. Updates and deletes are refused by a trigger and by grants.
CREATE TABLE case_event (
    municipality_code varchar(4)   NOT NULL,
    id                bigint       GENERATED ALWAYS AS IDENTITY,
    case_id           uuid         NOT NULL,
    occurred_at       timestamptz  NOT NULL,
    actor_id          uuid,
    actor_name        varchar(120) NOT NULL,
    type              varchar(40)  NOT NULL,
    summary           varchar(500) NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, case_id) REFERENCES care_case (municipality_code, id)
);
CREATE INDEX case_event_case_idx ON case_event (municipality_code, case_id, occurred_at);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER case_event_no_truncate BEFORE TRUNCATE ON case_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
