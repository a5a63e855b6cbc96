-- Two person indexes no query needs any more:
-- * person_last_name_idx (b-tree on lower(last_name), V2): the name search reads the sort name's b-tree (V32) and the
--   trigram indexes; nothing compares lower(last_name) with a value.
-- * person_last_name_trgm_idx (V15): first and last name are never null, so a term found in the last name is also found
--   in "first name + space + last name" (person_full_name_trgm_idx); the search asks only that expression and the street.
-- Each cost every insert and every change of a person a write, and a generated million households ≈ 8 s of index builds.
DROP INDEX IF EXISTS person_last_name_idx;
DROP INDEX IF EXISTS person_last_name_trgm_idx;
