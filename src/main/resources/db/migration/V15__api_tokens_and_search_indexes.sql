-- Personal API tokens (Authorization: Bearer) and trigram indexes for name and street search.

-- A token is shown once. Only the SHA-256 of its secret part is stored; the id part (in the token itself) finds the
-- row by primary key, then the hashes are compared in constant time. Revocation keeps the row (who revoked, when).
CREATE TABLE api_token (
    municipality_code varchar(4)   NOT NULL REFERENCES municipality (code),
    id                uuid         NOT NULL,
    user_id           uuid         NOT NULL,
    name              varchar(100) NOT NULL,
    secret_sha256     bytea        NOT NULL CHECK (octet_length(secret_sha256) = 32),
    created_at        timestamptz  NOT NULL,
    created_by        uuid,
    expires_at        timestamptz  NOT NULL,
    last_used_at      timestamptz,
    revoked_at        timestamptz,
    revoked_by        uuid,
    PRIMARY KEY (municipality_code, id),
    FOREIGN KEY (municipality_code, user_id) REFERENCES app_user (municipality_code, id)
);
CREATE INDEX api_token_user_idx ON api_token (municipality_code, user_id);

-- Search: lower(...) LIKE '%term%' on names and streets uses these GIN trigram indexes instead of a sequential scan
-- over every person. The embedded binaries ship pg_trgm; in production the owner role (which runs Flyway) creates it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX person_last_name_trgm_idx ON person USING gin (lower(last_name) gin_trgm_ops);
CREATE INDEX person_full_name_trgm_idx ON person USING gin (lower(first_name || ' ' || last_name) gin_trgm_ops);
CREATE INDEX person_street_trgm_idx ON person USING gin (lower(street) gin_trgm_ops);
