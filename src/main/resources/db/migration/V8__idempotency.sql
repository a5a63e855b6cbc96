-- Exactly-once submissions.
-- API: an Idempotency-Key per municipality + user. While the first request runs, status is NULL ("in progress");
-- afterwards the response (status, body, Location) is kept for 24 hours and replayed for the same key and body.
CREATE TABLE idempotency_key (
    municipality_code varchar(4)   NOT NULL,
    user_id           uuid         NOT NULL,
    idem_key          varchar(255) NOT NULL,
    request_hash      varchar(64)  NOT NULL,     -- SHA-256 (hex) of method, path and body
    status            smallint,                  -- NULL while the first request is in progress
    content_type      varchar(100),
    location          varchar(500),
    body              bytea,
    created_at        timestamptz  NOT NULL,
    completed_at      timestamptz,
    PRIMARY KEY (municipality_code, user_id, idem_key),
    FOREIGN KEY (municipality_code, user_id) REFERENCES app_user (municipality_code, id) ON DELETE CASCADE
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);

-- Pages: a one-time token issued with a form and consumed in the same transaction as the save it guards.
-- result_path is where the first submission led, so a second submit of the same form goes there too.
CREATE TABLE form_token (
    municipality_code varchar(4)   NOT NULL,
    token             varchar(64)  NOT NULL,
    user_id           uuid         NOT NULL,
    form              varchar(40)  NOT NULL,
    issued_at         timestamptz  NOT NULL,
    consumed_at       timestamptz,
    result_path       varchar(300),
    PRIMARY KEY (municipality_code, token),
    FOREIGN KEY (municipality_code, user_id) REFERENCES app_user (municipality_code, id) ON DELETE CASCADE
);
CREATE INDEX form_token_issued_idx ON form_token (issued_at);
