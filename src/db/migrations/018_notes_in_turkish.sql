-- Schema version 18: every note on a statement in Turkish too.
--
-- A statement's note (why it is doubtful: a year inferred, a basis unclear, two pages that
-- disagree) is the release copy's line, in English and verbatim; Turkish readers read it in
-- Turkish, translated in data/published_notes.csv. The seed fills note_tr from that file and
-- refuses a note the file does not translate, so no note reaches a Turkish page in English alone.
ALTER TABLE published_figures ADD COLUMN IF NOT EXISTS note_tr VARCHAR;
