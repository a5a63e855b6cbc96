-- catalog: providers and provisions (the social map). Money in euro cents, never floating point.

CREATE TABLE provider (
    municipality_code varchar(4)   NOT NULL REFERENCES municipality (code),
    id                uuid         NOT NULL,
    name              varchar(200) NOT NULL,
    contact           varchar(200),
    phone             varchar(20),
    email             varchar(200),
    contracted        boolean      NOT NULL,
    tariffs           varchar(1000),
    capacity          varchar(500),
    waiting_weeks     int          CHECK (waiting_weeks BETWEEN 0 AND 520),
    last_checked_on   date         NOT NULL,
    created_at        timestamptz  NOT NULL,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, name)
);

-- A general provision (algemene voorziening: no decision, maybe a fee) or a custom one (maatwerkvoorziening, by decision,
-- with the iWmo product category WMO020, unit WJ756 and tariff per unit).
CREATE TABLE provision (
    municipality_code varchar(4)    NOT NULL,
    id                uuid          NOT NULL,
    kind              varchar(10)   NOT NULL CHECK (kind IN ('GENERAL','CUSTOM')),
    name              varchar(200)  NOT NULL,
    description       varchar(2000) NOT NULL,
    for_whom          varchar(1000),
    provider_id       uuid,
    district_code     varchar(40),                      -- null: the whole municipality
    fee_cents         bigint        CHECK (fee_cents >= 0),
    fee_per           varchar(100),                     -- "per keer", "per maand"
    product_category  varchar(2)    CHECK (product_category ~ '^(0[1-9]|1[0-8])$'),
    product_code      varchar(5),
    unit              varchar(2)    CHECK (unit IN ('01','04','14','16','82','83','84')),
    tariff_cents      bigint        CHECK (tariff_cents >= 0),
    valid_from        date          NOT NULL,
    valid_until       date,
    created_at        timestamptz   NOT NULL,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, provider_id) REFERENCES provider (municipality_code, id),
    FOREIGN KEY (municipality_code, district_code) REFERENCES district (municipality_code, code),
    CHECK (kind = 'GENERAL' OR (product_category IS NOT NULL AND unit IS NOT NULL AND tariff_cents IS NOT NULL)),
    CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX provision_search_idx ON provision USING gin (to_tsvector('dutch', name || ' ' || description || ' ' || coalesce(for_whom, '')));
