-- The deadline an open case waits on, as the workbench's lists sort by it: the whistle's, the placement's or the
-- grid's response limit while it waits for one, else the earliest outstanding check-in, else the handling deadline.
-- Kept on the record by CaseRecord; before, each sorted list worked it out for every open case in its scope with a
-- subquery per case (over 200 ms at 60,000 open cases in a street).
ALTER TABLE case_record ADD COLUMN next_due TIMESTAMP WITH TIME ZONE;

UPDATE case_record SET next_due = CASE
    WHEN status IN ('RECEIVED', 'ON_THE_SPOT', 'WHISTLED') THEN dispatch_due
    ELSE COALESCE((SELECT MIN(d.check_in_due) FROM case_department d
                   WHERE d.case_id = case_record.id AND d.checked_in_at IS NULL), handling_due)
  END
WHERE status <> 'CLOSED';
