-- plan: one household plan per household, across all laws; every change is a new, immutable version.
CREATE TABLE household_plan (
    municipality_code varchar(4)  NOT NULL,
    id                uuid        NOT NULL,
    household_id      uuid        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, household_id),
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id)
);

-- One row per version: the whole plan as it stood (goals, agreements, fallback, lower bound, sequencing, review,
-- the resident's agreement) as a JSON snapshot. Insert-only: a trigger refuses UPDATE and DELETE.
CREATE TABLE plan_version (
    municipality_code varchar(4)   NOT NULL,
    plan_id           uuid         NOT NULL,
    version           integer      NOT NULL CHECK (version >= 1),
    household_id      uuid         NOT NULL,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    created_by        uuid         NOT NULL,
    created_by_name   varchar(120) NOT NULL,
    change_summary    varchar(300) NOT NULL,   -- what changed, in words ("Afspraak toegevoegd"); no personal data
    meeting_id        uuid,                    -- the planning meeting whose decisions made this version
    snapshot          jsonb        NOT NULL,
    PRIMARY KEY (municipality_code, plan_id, version),
    FOREIGN KEY (municipality_code, plan_id) REFERENCES household_plan (municipality_code, id),
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id),
    FOREIGN KEY (municipality_code, created_by) REFERENCES app_user (municipality_code, id)
);
CREATE INDEX plan_version_household_idx ON plan_version (municipality_code, household_id, version DESC);

CREATE FUNCTION plan_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'plan_version is insert-only';
END $$;
CREATE TRIGGER plan_version_insert_only BEFORE UPDATE OR DELETE ON plan_version
    FOR EACH ROW EXECUTE FUNCTION plan_version_is_immutable();

-- outcome: life-domain assessments (ZRM domains x 5 levels), participation ladder, calm/cleanliness/routine.
CREATE TABLE assessment (
    municipality_code   varchar(4)   NOT NULL,
    id                  uuid         NOT NULL,
    household_id        uuid         NOT NULL,
    person_id           uuid,                    -- whom it is about (the resident); null = the household as a whole
    assessed_on         date         NOT NULL,
    assessed_by         uuid         NOT NULL,
    assessed_by_name    varchar(120) NOT NULL,
    participation_step  smallint     CHECK (participation_step BETWEEN 1 AND 6),
    calm                smallint     CHECK (calm BETWEEN 1 AND 5),
    cleanliness         smallint     CHECK (cleanliness BETWEEN 1 AND 5),
    routine             smallint     CHECK (routine BETWEEN 1 AND 5),
    note                varchar(1000),
    created_at          timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, household_id) REFERENCES household (municipality_code, id),
    FOREIGN KEY (municipality_code, person_id) REFERENCES person (municipality_code, id),
    FOREIGN KEY (municipality_code, assessed_by) REFERENCES app_user (municipality_code, id)
);
CREATE INDEX assessment_household_idx ON assessment (municipality_code, household_id, assessed_on);

CREATE TABLE assessment_score (
    municipality_code  varchar(4)  NOT NULL,
    assessment_id      uuid        NOT NULL,
    domain             varchar(40) NOT NULL,
    professional_level smallint    CHECK (professional_level BETWEEN 1 AND 5),
    resident_level     smallint    CHECK (resident_level BETWEEN 1 AND 5),
    basis              varchar(20) CHECK (basis IN ('OWN_STRENGTH','NETWORK','PROFESSIONAL')),
    PRIMARY KEY (municipality_code, assessment_id, domain),
    FOREIGN KEY (municipality_code, assessment_id) REFERENCES assessment (municipality_code, id),
    CHECK (professional_level IS NOT NULL OR resident_level IS NOT NULL)
);
