-- The limit of the step a case waits for before any department is summoned: the street's whistle or the
-- dispatchers' placement by hand. The workbench's 已超时 and the district board ask it at the moment of the
-- request, as they ask the check-in and handling deadlines; before, such a case was overdue only in its task.
ALTER TABLE case_record ADD COLUMN dispatch_due TIMESTAMP WITH TIME ZONE;
