-- Name search that stays fast when a surname is common (issue 7: "search by name" took 2.2 s at 1,000,000 households
-- because a common surname matched ~29,000 persons through the trigram index, all of which were fetched and sorted to
-- show the first 50).
--
-- The sort name is the surname as a Dutch register sorts it: lower case, without leading prefixes ("van den Berg" sorts
-- as "berg", "de Jong" as "jong"). A b-tree on (municipality, sort name, first name, birth date) answers "surnames that
-- start with the term, in name order" by reading just the first page of the index range. The trigram indexes of V15
-- stay for terms found inside a name or street.
CREATE FUNCTION person_sort_name(name text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN regexp_replace(lower(name), '^((van|von|de|den|der|des|het|''t|ten|ter|te|in|op|aan|bij|uit|voor)\s+)+', '');

CREATE INDEX person_sort_name_idx ON person (municipality_code, (person_sort_name(last_name) COLLATE "C"), (first_name COLLATE "C"), birth_date);
