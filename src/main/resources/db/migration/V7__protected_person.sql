-- privacy: opaque search references for break-the-glass from a search hit, protected persons and privacy alerts.

-- A search hit the user may not open carries no stable id, only a random reference. Only its SHA-256 hash is stored;
-- it is bound to the user who searched and expires after a few minutes.
CREATE TABLE search_reference (
    municipality_code varchar(4)   NOT NULL,
    token_hash        bytea        NOT NULL,
    user_id           uuid         NOT NULL,
    household_id      uuid         NOT NULL,
    created_at        timestamptz  NOT NULL,
    expires_at        timestamptz  NOT NULL,
    PRIMARY KEY (municipality_code, token_hash),
    FOREIGN KEY (municipality_code, user_id) REFERENCES app_user (municipality_code, id),
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id)
);
CREATE INDEX search_reference_expiry_idx ON search_reference (municipality_code, user_id, expires_at);

-- A person the privacy officer shields (women's shelter, witness protection, threat): only named users see them.
CREATE TABLE protected_person (
    municipality_code varchar(4)    NOT NULL,
    person_id         uuid          NOT NULL,
    category          varchar(20)   NOT NULL CHECK (category IN ('OPVANG','GETUIGE','DREIGING')),
    note              varchar(1000),
    protected_by      uuid          NOT NULL,
    protected_at      timestamptz   NOT NULL,
    PRIMARY KEY (municipality_code, person_id),
    FOREIGN KEY (municipality_code, person_id) REFERENCES person (municipality_code, id),
    FOREIGN KEY (municipality_code, protected_by) REFERENCES app_user (municipality_code, id)
);

CREATE TABLE protected_person_user (
    municipality_code varchar(4)   NOT NULL,
    person_id         uuid         NOT NULL,
    user_id           uuid         NOT NULL,
    added_by          uuid         NOT NULL,
    added_at          timestamptz  NOT NULL,
    PRIMARY KEY (municipality_code, person_id, user_id),
    FOREIGN KEY (municipality_code, person_id) REFERENCES protected_person (municipality_code, person_id) ON DELETE CASCADE,
    FOREIGN KEY (municipality_code, user_id) REFERENCES app_user (municipality_code, id),
    FOREIGN KEY (municipality_code, added_by) REFERENCES app_user (municipality_code, id)
);

-- Every access by a named user to a protected person's household or search hit, for the privacy officer.
CREATE TABLE privacy_alert (
    municipality_code varchar(4)   NOT NULL,
    id                bigint       GENERATED ALWAYS AS IDENTITY,
    occurred_at       timestamptz  NOT NULL,
    user_id           uuid         NOT NULL,
    username          varchar(60)  NOT NULL,
    person_id         uuid,
    household_id      uuid,
    route             varchar(200) NOT NULL,
    what              varchar(200) NOT NULL,
    seen_at           timestamptz,
    seen_by           uuid,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, user_id) REFERENCES app_user (municipality_code, id)
);
CREATE INDEX privacy_alert_time_idx ON privacy_alert (municipality_code, occurred_at DESC, id DESC);
