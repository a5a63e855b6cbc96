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
