-- The synthetic municipality generator (java -jar ... generate) records each run: which seed, size and reference date
-- made the data. A municipality is generated once; a second run into it is refused (see README, "More").
CREATE TABLE synthetic_run (
    municipality_code varchar(4)  NOT NULL REFERENCES municipality (code),
    seed              bigint      NOT NULL,
    households        integer     NOT NULL CHECK (households BETWEEN 1000 AND 1000000),
    reference_date    date        NOT NULL,
    parts             varchar(300) NOT NULL,
    started_at        timestamptz NOT NULL,
    finished_at       timestamptz NOT NULL,
    PRIMARY KEY (municipality_code)
);
