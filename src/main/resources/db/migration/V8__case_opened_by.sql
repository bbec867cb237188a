-- Who opened a case: the member of staff logged in when it was registered (through the API or the Tasklist's
-- start form), NULL for a resident reporting without an account. The hotline sees the cases it took by this.
ALTER TABLE case_record ADD COLUMN opened_by VARCHAR(64);
CREATE INDEX case_record_opened_by_idx ON case_record (opened_by);
-- Units read their cases by these (street_code has its index since V5).
CREATE INDEX case_record_grid_idx ON case_record (grid_code);
CREATE INDEX case_record_community_idx ON case_record (community_code);
CREATE INDEX case_department_department_idx ON case_department (department_code);
