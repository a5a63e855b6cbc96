-- household: moves, departures and corrections keep history; consent withdrawal keeps its reason.

-- Every earlier version of a person's data: the values as they were, from when until when, who changed it and why.
-- A row is written in the same transaction as the change; the current values stay in person.
CREATE TABLE person_history (
    municipality_code varchar(4)   NOT NULL,
    id                bigint       GENERATED ALWAYS AS IDENTITY,
    person_id         uuid         NOT NULL,
    kind              varchar(20)  NOT NULL CHECK (kind IN ('MOVE','CORRECTION')),
    valid_from        timestamptz  NOT NULL,   -- when these values became current (person.created_at or the previous change)
    valid_to          timestamptz  NOT NULL,   -- when they were replaced
    effective_on      date,                    -- for a move: the day of moving, as reported
    first_name        varchar(100) NOT NULL,
    last_name         varchar(150) NOT NULL,
    birth_date        date         NOT NULL,
    bsn               char(9),
    street            varchar(150),
    house_number      varchar(20),
    postal_code       varchar(7),
    city              varchar(100),
    district_code     varchar(40),
    phone             varchar(30),
    email             varchar(200),
    changed_fields    varchar(200) NOT NULL,   -- e.g. "achternaam, bsn"; never the values themselves
    reason            varchar(500) NOT NULL,
    changed_by        uuid         NOT NULL,
    changed_by_name   varchar(120) NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, person_id) REFERENCES person (municipality_code, id),
    FOREIGN KEY (municipality_code, changed_by) REFERENCES app_user (municipality_code, id)
);
CREATE INDEX person_history_person_idx ON person_history (municipality_code, person_id, valid_to);

-- When the person's current values took effect (the end of the last history row, or created_at).
-- NULL means: since created_at (bulk loaders need not know the column).
ALTER TABLE person ADD COLUMN valid_from timestamptz;

-- Memberships: current members stay in household_member (with since); a departure ends it here.
ALTER TABLE household_member ADD COLUMN member_since date;

CREATE TABLE membership_history (
    municipality_code varchar(4)   NOT NULL,
    id                bigint       GENERATED ALWAYS AS IDENTITY,
    household_id      uuid         NOT NULL,
    person_id         uuid         NOT NULL,
    relation          varchar(20)  NOT NULL,
    valid_from        date,                    -- null: member since before history was kept
    valid_to          date         NOT NULL,   -- the day the person left
    reason            varchar(500) NOT NULL,
    destination       uuid,                    -- the household the person joined, if any
    recorded_at       timestamptz  NOT NULL,
    recorded_by       uuid         NOT NULL,
    recorded_by_name  varchar(120) NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id),
    FOREIGN KEY (municipality_code, person_id) REFERENCES person (municipality_code, id),
    FOREIGN KEY (municipality_code, recorded_by) REFERENCES app_user (municipality_code, id)
);
CREATE INDEX membership_history_household_idx ON membership_history (municipality_code, household_id);
CREATE INDEX membership_history_person_idx ON membership_history (municipality_code, person_id);

-- History is never rewritten: append-only for everyone (refuse_change() comes from V3).
CREATE TRIGGER person_history_append_only BEFORE UPDATE OR DELETE ON person_history
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER membership_history_append_only BEFORE UPDATE OR DELETE ON membership_history
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Consent withdrawal: why and by whom.
ALTER TABLE consent ADD COLUMN withdrawal_reason varchar(500);
ALTER TABLE consent ADD COLUMN withdrawn_by uuid;
