-- Schema version 6: the names of the months, for analyses that name rows or columns after them
-- (the Ministry's wide table: "OCAK 2025", "OCAK-EKİM 2025"). The rows come from the binary's one
-- list of month names (src/turkish.rs), written at every seeding, so SQL and Rust cannot differ.
CREATE TABLE IF NOT EXISTS months (
    month    INTEGER PRIMARY KEY,  -- 1-12
    name_tr  VARCHAR NOT NULL,     -- ekim
    upper_tr VARCHAR NOT NULL,     -- EKİM, upper case by Turkish rules (DuckDB's upper() gives EKIM)
    name_en  VARCHAR NOT NULL,     -- October
    short_en VARCHAR NOT NULL      -- Oct
);
