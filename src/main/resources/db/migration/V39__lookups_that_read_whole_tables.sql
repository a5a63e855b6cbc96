-- Three lookups that had no index and read their whole table at a million households (found by counting sequential
-- scans per table during the working-day load test, and by reading every query of the tables V38 touched):
-- * the agreements of a meeting (the household page shows them): 137,000 rows read for 4, ~30 ms a meeting;
-- * "does this notification already have a request under this law" (starting a Wmo/youth/P request): 258,000
--   requests read, ~95 ms on three processes;
-- * a person's requests for the inzage export: the same, ~80 ms.
-- Lookup column first, the municipality after it (see V38).
CREATE INDEX meeting_agreement_meeting_idx ON meeting_agreement (meeting_id, municipality_code, position);
CREATE INDEX wmo_request_notification_idx ON wmo_request (notification_id, municipality_code) WHERE notification_id IS NOT NULL;
CREATE INDEX wmo_request_person_idx ON wmo_request (person_id, municipality_code);
