-- The prefix a street gives its case numbers (TM-20251009-0042 for 土门街道). A district may have one for cases
-- that could not be placed in a street when they arrived.
ALTER TABLE registry_unit ADD COLUMN case_prefix VARCHAR(4);
