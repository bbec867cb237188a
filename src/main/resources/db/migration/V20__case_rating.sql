-- Who rated the latest round (REPORTER with the tracking link, or COMMUNITY on the return-visit call) and what
-- they wrote, so statistics can tell the reporter's own rating from the community's. NULL before any rating.
ALTER TABLE case_record ADD COLUMN rated_by VARCHAR(16);
ALTER TABLE case_record ADD COLUMN rating_comment VARCHAR(2000);
