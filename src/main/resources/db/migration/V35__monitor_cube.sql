-- The council monitor's suppression decisions per refresh generation, table and year (the cells each query hides beyond
-- its own small-cell suppression, and a fingerprint of the table it decided on). Decided while a refresh prepares its
-- new generation, before that becomes current, and kept so that a restart does not decide them again. Derived from
-- aggregates only: no household, person or count is stored here.
CREATE TABLE monitor_cube (
    municipality_code varchar(4)   NOT NULL,
    generation        bigint       NOT NULL,
    table_name        varchar(20)  NOT NULL,
    year              int          NOT NULL,
    threshold         int          NOT NULL,
    decisions         bytea        NOT NULL,
    decided_at        timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality_code, generation, table_name, year)
);
