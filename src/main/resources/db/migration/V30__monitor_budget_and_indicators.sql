-- monitor: what the council decided to spend per law and year (set by a policy officer), and the municipality's
-- indicators with baseline, target and measured values (each with its source). Neither holds personal data.

CREATE TABLE monitor_law_budget (
    municipality_code varchar(4)    NOT NULL REFERENCES municipality (code),
    year              integer       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    law               varchar(20)   NOT NULL CHECK (law IN ('WMO','JEUGDWET','PARTICIPATIEWET')),
    amount            numeric(14,2) NOT NULL CHECK (amount >= 0),
    source            varchar(200)  NOT NULL,   -- where the figure comes from ("Begroting 2026", "Meppel 2015 (003 L975-979)")
    set_by            varchar(100)  NOT NULL,
    set_at            timestamptz   NOT NULL,
    PRIMARY KEY (municipality_code, year, law)
);

CREATE TABLE monitor_indicator (
    municipality_code varchar(4)    NOT NULL REFERENCES municipality (code),
    id                uuid          NOT NULL,
    code              varchar(40)   NOT NULL,
    name              varchar(300)  NOT NULL,
    unit              varchar(20)   NOT NULL CHECK (unit IN ('PERCENT','SCORE')),
    direction         varchar(4)    NOT NULL CHECK (direction IN ('UP','DOWN')),   -- UP: higher is better
    baseline_value    numeric(10,2) NOT NULL,
    baseline_year     integer       NOT NULL CHECK (baseline_year BETWEEN 2000 AND 2100),
    baseline_source   varchar(300)  NOT NULL,
    target_value      numeric(10,2) NOT NULL,
    target_year       integer       NOT NULL CHECK (target_year BETWEEN 2000 AND 2100),
    position          integer       NOT NULL DEFAULT 0,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, code),
    CHECK (target_year >= baseline_year)
);

-- One measured value per indicator and year; a correction replaces the value (who and when are kept).
CREATE TABLE monitor_indicator_value (
    municipality_code varchar(4)    NOT NULL,
    indicator_id      uuid          NOT NULL,
    year              integer       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    value             numeric(10,2) NOT NULL,
    source            varchar(300)  NOT NULL,
    set_by            varchar(100)  NOT NULL,
    set_at            timestamptz   NOT NULL,
    PRIMARY KEY (municipality_code, indicator_id, year),
    FOREIGN KEY (municipality_code, indicator_id) REFERENCES monitor_indicator (municipality_code, id)
);
