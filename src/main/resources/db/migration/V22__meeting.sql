-- meeting: the planning meeting (planbijeenkomst) with the resident's network, and the participants' survey.

CREATE TABLE meeting (
    municipality_code   varchar(4)   NOT NULL,
    id                  uuid         NOT NULL,
    household_id        uuid         NOT NULL,
    sequence_no         integer      NOT NULL CHECK (sequence_no BETWEEN 1 AND 20),
    facilitator_id      uuid         NOT NULL,
    team_id             uuid,
    resident_person_id  uuid         NOT NULL,
    created_at          timestamptz  NOT NULL,
    held_on             date,
    place               varchar(200),
    resident_present    boolean,
    lower_bound         varchar(2000),
    lower_bound_set_by  varchar(150),
    fallback            varchar(2000),
    result_for_resident varchar(4000),
    avoided_costs_note  varchar(2000),
    avoided_costs_cents bigint       CHECK (avoided_costs_cents IS NULL OR avoided_costs_cents >= 0),
    follow_up_needed    boolean      NOT NULL DEFAULT false,
    plan_version        integer,
    recorded_at         timestamptz,
    recorded_by         uuid,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, household_id, sequence_no),
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id),
    FOREIGN KEY (municipality_code, resident_person_id) REFERENCES person (municipality_code, id),
    FOREIGN KEY (municipality_code, facilitator_id) REFERENCES app_user (municipality_code, id)
);
CREATE INDEX meeting_household_idx ON meeting (municipality_code, household_id);
CREATE INDEX meeting_facilitator_idx ON meeting (municipality_code, facilitator_id);

CREATE TABLE meeting_participant (
    municipality_code   varchar(4)   NOT NULL,
    id                  uuid         NOT NULL,
    meeting_id          uuid         NOT NULL,
    position            integer      NOT NULL,
    kind                varchar(20)  NOT NULL CHECK (kind IN ('RESIDENT','HOUSEHOLD_MEMBER','NETWORK','PROFESSIONAL','MUNICIPAL')),
    name                varchar(150) NOT NULL,
    relation            varchar(100),
    organisation        varchar(150),
    email               varchar(200),
    question            varchar(30)  NOT NULL,
    named_by            uuid,
    network_member_id   uuid,
    person_id           uuid,
    user_id             uuid,
    invited_at          timestamptz,
    invited_by          varchar(20)  CHECK (invited_by IS NULL OR invited_by IN ('RESIDENT','ON_BEHALF')),
    invited_by_user     uuid,
    prepared            boolean      NOT NULL DEFAULT false,
    prepared_on         date,
    brings              varchar(2000),
    attended            boolean      NOT NULL DEFAULT false,
    view_on_situation   varchar(2000),
    concerns            varchar(2000),
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, meeting_id) REFERENCES meeting (municipality_code, id)
);
CREATE INDEX meeting_participant_meeting_idx ON meeting_participant (municipality_code, meeting_id);
CREATE INDEX meeting_participant_user_idx ON meeting_participant (municipality_code, user_id) WHERE user_id IS NOT NULL;

CREATE TABLE meeting_agreement (
    municipality_code   varchar(4)   NOT NULL,
    id                  uuid         NOT NULL,
    meeting_id          uuid         NOT NULL,
    position            integer      NOT NULL,
    who_kind            varchar(20)  NOT NULL CHECK (who_kind IN ('HOUSEHOLD_MEMBER','NETWORK_MEMBER','PROFESSIONAL','ORGANISATION')),
    who                 varchar(150) NOT NULL,
    what                varchar(1000) NOT NULL,
    due                 date         NOT NULL,
    check_date          date,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, meeting_id) REFERENCES meeting (municipality_code, id)
);

-- A personal survey link per participant: only the SHA-256 of the token is stored; single use; expires.
CREATE TABLE survey_invitation (
    municipality_code   varchar(4)   NOT NULL,
    id                  uuid         NOT NULL,
    meeting_id          uuid         NOT NULL,
    participant_id      uuid         NOT NULL,
    token_hash          varchar(64)  NOT NULL UNIQUE,
    created_at          timestamptz  NOT NULL,
    expires_at          timestamptz  NOT NULL,
    used_at             timestamptz,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, participant_id),
    FOREIGN KEY (municipality_code, meeting_id) REFERENCES meeting (municipality_code, id),
    FOREIGN KEY (municipality_code, participant_id) REFERENCES meeting_participant (municipality_code, id)
);

-- Answers carry the meeting (for the report's facilitator, team and period) but never the participant or invitation.
CREATE TABLE survey_response (
    municipality_code   varchar(4)   NOT NULL,
    id                  uuid         NOT NULL,
    meeting_id          uuid         NOT NULL,
    answered_on         date         NOT NULL,
    prepared_well       smallint     CHECK (prepared_well BETWEEN 1 AND 5),
    heard               smallint     CHECK (heard BETWEEN 1 AND 5),
    decided_together    smallint     CHECK (decided_together BETWEEN 1 AND 5),
    clear_agreements    smallint     CHECK (clear_agreements BETWEEN 1 AND 5),
    confidence          smallint     CHECK (confidence BETWEEN 1 AND 5),
    open_answer         varchar(2000),
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, meeting_id) REFERENCES meeting (municipality_code, id)
);
CREATE INDEX survey_response_meeting_idx ON survey_response (municipality_code, meeting_id);
