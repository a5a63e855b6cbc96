-- The decision lines of a request, by request: the monitor's waiting list asks per request whether a line has started
-- (without this index that was a scan of all decision lines per request: 9.5 of the wmo source's 10 s at 55,000
-- households, and the statement timeout at 1,000,000), and the request page lists a request's lines.
CREATE INDEX wmo_decision_line_request_idx ON wmo_decision_line (municipality_code, request_id);
