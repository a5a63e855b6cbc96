-- privacy: audit trail (NEN 7513 style), break-the-glass grants, consent per purpose and recipient.

CREATE TABLE audit_event (
    municipality_code varchar(4)   NOT NULL,
    id                bigint       GENERATED ALWAYS AS IDENTITY,
    occurred_at       timestamptz  NOT NULL,
    actor_id          uuid,
    actor_username    varchar(60)  NOT NULL,
    action            varchar(20)  NOT NULL CHECK (action IN ('READ','CREATE','UPDATE','DELETE','EXPORT','SEARCH','BREAK_GLASS')),
    record_type       varchar(40)  NOT NULL,
    record_id         varchar(64),
    household_id      uuid,
    person_id         uuid,
    route             varchar(200) NOT NULL,        -- how: HTTP method and route pattern, or the job
    reason            varchar(500),                 -- why: purpose or the break-the-glass reason
    PRIMARY KEY (municipality_code, id)
);
CREATE INDEX audit_event_time_idx ON audit_event (municipality_code, occurred_at DESC);
CREATE INDEX audit_event_person_idx ON audit_event (municipality_code, person_id, occurred_at DESC) WHERE person_id IS NOT NULL;
CREATE INDEX audit_event_household_idx ON audit_event (municipality_code, household_id, occurred_at DESC) WHERE household_id IS NOT NULL;
CREATE INDEX audit_event_actor_idx ON audit_event (municipality_code, actor_username, occurred_at DESC);

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

CREATE TABLE break_glass_grant (
    municipality_code varchar(4)   NOT NULL,
    id                uuid         NOT NULL,
    user_id           uuid         NOT NULL,
    household_id      uuid         NOT NULL,
    reason            varchar(500) NOT NULL,
    granted_at        timestamptz  NOT NULL,
    expires_at        timestamptz  NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, user_id) REFERENCES app_user (municipality_code, id),
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id)
);
CREATE INDEX break_glass_grant_lookup_idx ON break_glass_grant (municipality_code, user_id, household_id, expires_at);

CREATE TABLE consent (
    municipality_code varchar(4)   NOT NULL,
    id                uuid         NOT NULL,
    person_id         uuid         NOT NULL,
    purpose           varchar(40)  NOT NULL CHECK (purpose IN ('SHARE_WITHIN_MUNICIPALITY','REFERRAL','PLANNING_MEETING',
                                                               'CASE_CONSULTATION','PROVIDER_EXCHANGE','RESEARCH')),
    recipient         varchar(150) NOT NULL,        -- the receiving organisation
    scope             varchar(500),
    given_on          date         NOT NULL,
    valid_until       date,
    withdrawn_on      date,
    recorded_by       uuid         NOT NULL,
    recorded_at       timestamptz  NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, person_id) REFERENCES person (municipality_code, id),
    FOREIGN KEY (municipality_code, recorded_by) REFERENCES app_user (municipality_code, id),
    CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on),
    CHECK (valid_until IS NULL OR valid_until >= given_on)
);
CREATE INDEX consent_person_idx ON consent (municipality_code, person_id);
