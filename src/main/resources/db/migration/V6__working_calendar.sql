-- The official holiday arrangements (国务院办公厅 部分节假日安排): days off, and the weekend days worked instead
-- (调休上班). Every other Monday to Friday is a working day. Published once a year; administrators add or
-- correct a year through PUT /api/calendar/years/{year}.
CREATE TABLE calendar_day (
    calendar_date DATE   NOT NULL PRIMARY KEY, -- not "day": a reserved word in H2
    kind VARCHAR(16) NOT NULL, -- HOLIDAY (放假) or WORKDAY (调休上班)
    name VARCHAR(50) NOT NULL,
    CONSTRAINT calendar_day_kind_check CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
);

-- 2025 (国务院办公厅关于2025年部分节假日安排的通知, 2024-11-12)
INSERT INTO calendar_day (calendar_date, kind, name) VALUES
    (DATE '2025-01-01', 'HOLIDAY', '元旦'),
    (DATE '2025-01-26', 'WORKDAY', '春节调休上班'),
    (DATE '2025-01-28', 'HOLIDAY', '春节'), (DATE '2025-01-29', 'HOLIDAY', '春节'),
    (DATE '2025-01-30', 'HOLIDAY', '春节'), (DATE '2025-01-31', 'HOLIDAY', '春节'),
    (DATE '2025-02-01', 'HOLIDAY', '春节'), (DATE '2025-02-02', 'HOLIDAY', '春节'),
    (DATE '2025-02-03', 'HOLIDAY', '春节'), (DATE '2025-02-04', 'HOLIDAY', '春节'),
    (DATE '2025-02-08', 'WORKDAY', '春节调休上班'),
    (DATE '2025-04-04', 'HOLIDAY', '清明节'), (DATE '2025-04-05', 'HOLIDAY', '清明节'),
    (DATE '2025-04-06', 'HOLIDAY', '清明节'),
    (DATE '2025-04-27', 'WORKDAY', '劳动节调休上班'),
    (DATE '2025-05-01', 'HOLIDAY', '劳动节'), (DATE '2025-05-02', 'HOLIDAY', '劳动节'),
    (DATE '2025-05-03', 'HOLIDAY', '劳动节'), (DATE '2025-05-04', 'HOLIDAY', '劳动节'),
    (DATE '2025-05-05', 'HOLIDAY', '劳动节'),
    (DATE '2025-05-31', 'HOLIDAY', '端午节'), (DATE '2025-06-01', 'HOLIDAY', '端午节'),
    (DATE '2025-06-02', 'HOLIDAY', '端午节'),
    (DATE '2025-09-28', 'WORKDAY', '国庆节调休上班'),
    (DATE '2025-10-01', 'HOLIDAY', '国庆节、中秋节'), (DATE '2025-10-02', 'HOLIDAY', '国庆节、中秋节'),
    (DATE '2025-10-03', 'HOLIDAY', '国庆节、中秋节'), (DATE '2025-10-04', 'HOLIDAY', '国庆节、中秋节'),
    (DATE '2025-10-05', 'HOLIDAY', '国庆节、中秋节'), (DATE '2025-10-06', 'HOLIDAY', '国庆节、中秋节'),
    (DATE '2025-10-07', 'HOLIDAY', '国庆节、中秋节'), (DATE '2025-10-08', 'HOLIDAY', '国庆节、中秋节'),
    (DATE '2025-10-11', 'WORKDAY', '国庆节调休上班');

-- 2026 (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04)
INSERT INTO calendar_day (calendar_date, kind, name) VALUES
    (DATE '2026-01-01', 'HOLIDAY', '元旦'), (DATE '2026-01-02', 'HOLIDAY', '元旦'),
    (DATE '2026-01-03', 'HOLIDAY', '元旦'),
    (DATE '2026-01-04', 'WORKDAY', '元旦调休上班'),
    (DATE '2026-02-14', 'WORKDAY', '春节调休上班'),
    (DATE '2026-02-15', 'HOLIDAY', '春节'), (DATE '2026-02-16', 'HOLIDAY', '春节'),
    (DATE '2026-02-17', 'HOLIDAY', '春节'), (DATE '2026-02-18', 'HOLIDAY', '春节'),
    (DATE '2026-02-19', 'HOLIDAY', '春节'), (DATE '2026-02-20', 'HOLIDAY', '春节'),
    (DATE '2026-02-21', 'HOLIDAY', '春节'), (DATE '2026-02-22', 'HOLIDAY', '春节'),
    (DATE '2026-02-23', 'HOLIDAY', '春节'),
    (DATE '2026-02-28', 'WORKDAY', '春节调休上班'),
    (DATE '2026-04-04', 'HOLIDAY', '清明节'), (DATE '2026-04-05', 'HOLIDAY', '清明节'),
    (DATE '2026-04-06', 'HOLIDAY', '清明节'),
    (DATE '2026-05-01', 'HOLIDAY', '劳动节'), (DATE '2026-05-02', 'HOLIDAY', '劳动节'),
    (DATE '2026-05-03', 'HOLIDAY', '劳动节'), (DATE '2026-05-04', 'HOLIDAY', '劳动节'),
    (DATE '2026-05-05', 'HOLIDAY', '劳动节'),
    (DATE '2026-05-09', 'WORKDAY', '劳动节调休上班'),
    (DATE '2026-06-19', 'HOLIDAY', '端午节'), (DATE '2026-06-20', 'HOLIDAY', '端午节'),
    (DATE '2026-06-21', 'HOLIDAY', '端午节'),
    (DATE '2026-09-20', 'WORKDAY', '国庆节调休上班'),
    (DATE '2026-09-25', 'HOLIDAY', '中秋节'), (DATE '2026-09-26', 'HOLIDAY', '中秋节'),
    (DATE '2026-09-27', 'HOLIDAY', '中秋节'),
    (DATE '2026-10-01', 'HOLIDAY', '国庆节'), (DATE '2026-10-02', 'HOLIDAY', '国庆节'),
    (DATE '2026-10-03', 'HOLIDAY', '国庆节'), (DATE '2026-10-04', 'HOLIDAY', '国庆节'),
    (DATE '2026-10-05', 'HOLIDAY', '国庆节'), (DATE '2026-10-06', 'HOLIDAY', '国庆节'),
    (DATE '2026-10-07', 'HOLIDAY', '国庆节'),
    (DATE '2026-10-10', 'WORKDAY', '国庆节调休上班');
