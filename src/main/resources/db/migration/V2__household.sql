-- household: persons, households with their members, and the household's network.

CREATE TABLE person (
    municipality_code varchar(4)   NOT NULL REFERENCES municipality (code),
    id                uuid         NOT NULL,
    bsn               char(9),
    first_name        varchar(100) NOT NULL,
    last_name         varchar(150) NOT NULL,
    birth_date        date         NOT NULL,
    street            varchar(150),
    house_number      varchar(20),
    postal_code       varchar(7),
    city              varchar(100),
    district_code     varchar(40),
    phone             varchar(30),
    email             varchar(200),
    created_at        timestamptz  NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, district_code) REFERENCES district (municipality_code, code)
);
CREATE UNIQUE INDEX person_bsn_uq ON person (municipality_code, bsn) WHERE bsn IS NOT NULL;
CREATE INDEX person_last_name_idx ON person (municipality_code, lower(last_name));
CREATE INDEX person_birth_date_idx ON person (municipality_code, birth_date);
CREATE INDEX person_postal_code_idx ON person (municipality_code, postal_code, house_number);

CREATE TABLE household (
    municipality_code varchar(4)   NOT NULL REFERENCES municipality (code),
    id                uuid         NOT NULL,
    street            varchar(150) NOT NULL,
    house_number      varchar(20)  NOT NULL,
    postal_code       varchar(7)   NOT NULL,
    city              varchar(100) NOT NULL,
    district_code     varchar(40)  NOT NULL,
    created_at        timestamptz  NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, district_code) REFERENCES district (municipality_code, code)
);
CREATE INDEX household_district_idx ON household (municipality_code, district_code);

CREATE TABLE household_member (
    municipality_code varchar(4)  NOT NULL,
    household_id      uuid        NOT NULL,
    person_id         uuid        NOT NULL,
    relation          varchar(20) NOT NULL CHECK (relation IN ('HEAD','PARTNER','CHILD','PARENT','OTHER')),
    PRIMARY KEY (municipality_code, household_id, person_id),
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id) ON DELETE CASCADE,
    FOREIGN KEY (municipality_code, person_id) REFERENCES person (municipality_code, id)
);
CREATE INDEX household_member_person_idx ON household_member (municipality_code, person_id);

CREATE TABLE network_member (
    municipality_code varchar(4)   NOT NULL,
    id                uuid         NOT NULL,
    household_id      uuid         NOT NULL,
    kind              varchar(20)  NOT NULL CHECK (kind IN ('INFORMAL','PROFESSIONAL')),
    name              varchar(150) NOT NULL,
    relation          varchar(100),
    organisation      varchar(150),
    function          varchar(100),
    role              varchar(300),
    phone             varchar(30),
    email             varchar(200),
    informal_carer    boolean      NOT NULL DEFAULT false,
    carer_load_note   varchar(1000),
    user_id           uuid,                          -- set when the professional is a Leefwereld user
    created_at        timestamptz  NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id) ON DELETE CASCADE,
    FOREIGN KEY (municipality_code, user_id) REFERENCES app_user (municipality_code, id)
);
CREATE INDEX network_member_household_idx ON network_member (municipality_code, household_id);
CREATE INDEX network_member_user_idx ON network_member (municipality_code, user_id) WHERE user_id IS NOT NULL;
