-- Demo data for the default (H2) profile: an invented district modelled on Lianhu District (莲湖区) of
-- Xi'an, with two streets, five communities, fifteen grids, the departments and outside bodies that are
-- summoned, and the demo logins (every demo user's password is gridcase.identity.initial-password).
-- Names are borrowed for realism; codes, boundaries, phone numbers and people are invented and are NOT
-- official boundaries or contacts.
--
-- Repeatable Flyway migration (db/demo, default profile only): every statement inserts only the rows that
-- are missing, so re-running the file changes nothing. Portable SQL for H2 2.x and PostgreSQL.
--
-- Grid geometry: a 5 x 3 lattice of jittered shared vertices (plus a jittered mid-point on every edge)
-- covering lon 108.880-108.920, lat 34.255-34.285 without gaps or overlaps; 土门街道 in the west
-- (lon < ~108.903), 红庙坡街道 in the east. Polygons are WKT, x = longitude, y = latitude, counter-clockwise;
-- min/max lon/lat are each polygon's exact envelope.
-- Test points (x = lon, y = lat):
--   strictly inside 610104007001001 (牡丹庄园社区第一网格): lon 108.8835, lat 34.2795
--   outside every grid:                                   lon 108.9500, lat 34.3000

-- District, streets, communities (one statement per level, so parents exist before their children).
INSERT INTO registry_unit (code, level, name, parent_code)
SELECT * FROM (VALUES
    ('610104', 'DISTRICT', '莲湖区', NULL)
) AS s(code, level, name, parent_code)
WHERE NOT EXISTS (SELECT 1 FROM registry_unit u WHERE u.code = s.code);

INSERT INTO registry_unit (code, level, name, parent_code)
SELECT * FROM (VALUES
    ('610104007', 'STREET', '土门街道',   '610104'),
    ('610104006', 'STREET', '红庙坡街道', '610104')
) AS s(code, level, name, parent_code)
WHERE NOT EXISTS (SELECT 1 FROM registry_unit u WHERE u.code = s.code);

INSERT INTO registry_unit (code, level, name, parent_code)
SELECT * FROM (VALUES
    ('610104007001', 'COMMUNITY', '牡丹庄园社区', '610104007'),
    ('610104007002', 'COMMUNITY', '红辉社区',     '610104007'),
    ('610104007003', 'COMMUNITY', '远东东社区',   '610104007'),
    ('610104006001', 'COMMUNITY', '大兴东路社区', '610104006'),
    ('610104006002', 'COMMUNITY', '红庙坡社区',   '610104006')
) AS s(code, level, name, parent_code)
WHERE NOT EXISTS (SELECT 1 FROM registry_unit u WHERE u.code = s.code);

-- Grids.
INSERT INTO registry_unit (code, level, name, parent_code, boundary, min_lon, min_lat, max_lon, max_lat)
SELECT * FROM (VALUES
    ('610104007001001', 'GRID', '牡丹庄园社区第一网格', '610104007001',
     'POLYGON((108.880393 34.275457, 108.883419 34.275524, 108.886945 34.274439, 108.886969 34.278290, 108.887383 34.284427, 108.884092 34.283854, 108.880000 34.284517, 108.880000 34.280413, 108.880393 34.275457))',
     108.880000, 34.274439, 108.887383, 34.284517),
    ('610104007001002', 'GRID', '牡丹庄园社区第二网格', '610104007001',
     'POLYGON((108.886945 34.274439, 108.891465 34.274665, 108.894947 34.274278, 108.894849 34.280352, 108.895953 34.285000, 108.892743 34.284553, 108.887383 34.284427, 108.886969 34.278290, 108.886945 34.274439))',
     108.886945, 34.274278, 108.895953, 34.285000),
    ('610104007001003', 'GRID', '牡丹庄园社区第三网格', '610104007001',
     'POLYGON((108.880000 34.264670, 108.883362 34.265208, 108.886524 34.264490, 108.886899 34.268705, 108.886945 34.274439, 108.883419 34.275524, 108.880393 34.275457, 108.880000 34.270955, 108.880000 34.264670))',
     108.880000, 34.264490, 108.886945, 34.275524),
    ('610104007002001', 'GRID', '红辉社区第一网格', '610104007002',
     'POLYGON((108.880194 34.255488, 108.883715 34.255000, 108.887520 34.255722, 108.886364 34.260742, 108.886524 34.264490, 108.883362 34.265208, 108.880000 34.264670, 108.880000 34.261149, 108.880194 34.255488))',
     108.880000, 34.255000, 108.887520, 34.265208),
    ('610104007002002', 'GRID', '红辉社区第二网格', '610104007002',
     'POLYGON((108.887520 34.255722, 108.891678 34.255658, 108.894256 34.255000, 108.894239 34.259270, 108.894623 34.264942, 108.890452 34.264880, 108.886524 34.264490, 108.886364 34.260742, 108.887520 34.255722))',
     108.886364, 34.255000, 108.894623, 34.264942),
    ('610104007002003', 'GRID', '红辉社区第三网格', '610104007002',
     'POLYGON((108.886524 34.264490, 108.890452 34.264880, 108.894623 34.264942, 108.895375 34.269922, 108.894947 34.274278, 108.891465 34.274665, 108.886945 34.274439, 108.886899 34.268705, 108.886524 34.264490))',
     108.886524, 34.264490, 108.895375, 34.274665),
    ('610104007003001', 'GRID', '远东东社区第一网格', '610104007003',
     'POLYGON((108.894947 34.274278, 108.899594 34.274568, 108.902544 34.275180, 108.903322 34.279888, 108.903801 34.285000, 108.898883 34.284611, 108.895953 34.285000, 108.894849 34.280352, 108.894947 34.274278))',
     108.894849, 34.274278, 108.903801, 34.285000),
    ('610104007003002', 'GRID', '远东东社区第二网格', '610104007003',
     'POLYGON((108.894623 34.264942, 108.899113 34.266097, 108.903784 34.265912, 108.903529 34.271137, 108.902544 34.275180, 108.899594 34.274568, 108.894947 34.274278, 108.895375 34.269922, 108.894623 34.264942))',
     108.894623, 34.264942, 108.903784, 34.275180),
    ('610104007003003', 'GRID', '远东东社区第三网格', '610104007003',
     'POLYGON((108.894256 34.255000, 108.898244 34.255000, 108.903414 34.255000, 108.903565 34.261713, 108.903784 34.265912, 108.899113 34.266097, 108.894623 34.264942, 108.894239 34.259270, 108.894256 34.255000))',
     108.894239, 34.255000, 108.903784, 34.266097),
    ('610104006001001', 'GRID', '大兴东路社区第一网格', '610104006001',
     'POLYGON((108.902544 34.275180, 108.908956 34.274524, 108.912583 34.275136, 108.912121 34.279899, 108.912373 34.285000, 108.908840 34.285000, 108.903801 34.285000, 108.903322 34.279888, 108.902544 34.275180))',
     108.902544, 34.274524, 108.912583, 34.285000),
    ('610104006001002', 'GRID', '大兴东路社区第二网格', '610104006001',
     'POLYGON((108.912583 34.275136, 108.916856 34.274332, 108.919831 34.274072, 108.920000 34.280813, 108.919847 34.285000, 108.916549 34.284304, 108.912373 34.285000, 108.912121 34.279899, 108.912583 34.275136))',
     108.912121, 34.274072, 108.920000, 34.285000),
    ('610104006001003', 'GRID', '大兴东路社区第三网格', '610104006001',
     'POLYGON((108.903784 34.265912, 108.908604 34.265137, 108.912401 34.265362, 108.911898 34.269740, 108.912583 34.275136, 108.908956 34.274524, 108.902544 34.275180, 108.903529 34.271137, 108.903784 34.265912))',
     108.902544, 34.265137, 108.912583, 34.275180),
    ('610104006002001', 'GRID', '红庙坡社区第一网格', '610104006002',
     'POLYGON((108.912401 34.265362, 108.915967 34.266074, 108.920000 34.265658, 108.920000 34.270122, 108.919831 34.274072, 108.916856 34.274332, 108.912583 34.275136, 108.911898 34.269740, 108.912401 34.265362))',
     108.911898, 34.265362, 108.920000, 34.275136),
    ('610104006002002', 'GRID', '红庙坡社区第二网格', '610104006002',
     'POLYGON((108.903414 34.255000, 108.907724 34.255000, 108.911567 34.255000, 108.912673 34.261399, 108.912401 34.265362, 108.908604 34.265137, 108.903784 34.265912, 108.903565 34.261713, 108.903414 34.255000))',
     108.903414, 34.255000, 108.912673, 34.265912),
    ('610104006002003', 'GRID', '红庙坡社区第三网格', '610104006002',
     'POLYGON((108.911567 34.255000, 108.916892 34.255000, 108.919777 34.255000, 108.919693 34.260252, 108.920000 34.265658, 108.915967 34.266074, 108.912401 34.265362, 108.912673 34.261399, 108.911567 34.255000))',
     108.911567, 34.255000, 108.920000, 34.266074)

) AS s(code, level, name, parent_code, boundary, min_lon, min_lat, max_lon, max_lat)
WHERE NOT EXISTS (SELECT 1 FROM registry_unit u WHERE u.code = s.code);

-- Departments and outside bodies (phone numbers invented).
INSERT INTO registry_department (code, name, kind, phone)
SELECT * FROM (VALUES
    ('chengguan', '莲湖区城市管理和综合执法局', 'DEPARTMENT',   '029-88625112'),
    ('zhujian',   '莲湖区住房和城乡建设局',     'DEPARTMENT',   '029-88417235'),
    ('xiaofang',  '莲湖区消防救援大队',         'DEPARTMENT',   '029-88630119'),
    ('jiaojing',  '莲湖交警大队',               'DEPARTMENT',   '029-88271122'),
    ('shuiwu',    '莲湖区水务局',               'DEPARTMENT',   '029-88452607'),
    ('shichang',  '莲湖区市场监督管理局',       'DEPARTMENT',   '029-88739315'),
    ('sifa',      '莲湖区司法局',               'DEPARTMENT',   '029-88316240'),
    ('gongjiao',  '西安公交集团第二公交公司',   'OUTSIDE_BODY', '029-88523680'),
    ('wuye',      '牡丹庄园物业公司',           'OUTSIDE_BODY', '029-88694471'),
    ('ranqi',     '西安秦华燃气公司莲湖分公司', 'OUTSIDE_BODY', '029-88350960')
) AS s(code, name, kind, phone)
WHERE NOT EXISTS (SELECT 1 FROM registry_department d WHERE d.code = s.code);

-- The outside bodies' sort (V47 made the ones it found 其他); one an administrator has sorted is left alone.
UPDATE registry_department SET body_kind = CASE code WHEN 'gongjiao' THEN 'BUS_COMPANY'
        WHEN 'wuye' THEN 'PROPERTY_COMPANY' ELSE 'UTILITY' END
 WHERE code IN ('gongjiao', 'wuye', 'ranqi') AND kind = 'OUTSIDE_BODY' AND (body_kind IS NULL OR body_kind = 'OTHER');

-- The categories each department answers for; every leaf category has at least one.
INSERT INTO registry_department_category (department_code, category_code)
SELECT * FROM (VALUES
    ('chengguan', 'MUNICIPAL.MANHOLE_COVER_MISSING'),
    ('chengguan', 'SANITATION.GARBAGE_PILE'),
    ('chengguan', 'SANITATION.BIN_OVERFLOW'),
    ('chengguan', 'SANITATION.ILLEGAL_ADVERTISING'),
    ('chengguan', 'MARKET.STREET_VENDING'),
    ('chengguan', 'TRAFFIC.ILLEGAL_PARKING'),
    ('zhujian',   'MUNICIPAL.STREET_LIGHT_OUT'),
    ('zhujian',   'MUNICIPAL.ROAD_DAMAGE'),
    ('zhujian',   'SAFETY.ROAD_SUBSIDENCE'),
    ('zhujian',   'SAFETY.DANGEROUS_BUILDING'),
    ('zhujian',   'DISPUTE.PROPERTY_SERVICE'),
    ('xiaofang',  'SAFETY.FIRE_EXIT_BLOCKED'),
    ('xiaofang',  'SAFETY.GAS_LEAK'),
    ('jiaojing',  'TRAFFIC.ILLEGAL_PARKING'),
    ('jiaojing',  'TRAFFIC.BUS_BLOCKING'),
    ('jiaojing',  'TRAFFIC.SIGNAL_FAULT'),
    ('shuiwu',    'MUNICIPAL.SEWER_BLOCKED'),
    ('shuiwu',    'MUNICIPAL.WATER_PIPE_BURST'),
    ('shichang',  'MARKET.FOOD_SAFETY'),
    ('shichang',  'MARKET.STREET_VENDING'),
    ('sifa',      'DISPUTE.NEIGHBOUR'),
    ('gongjiao',  'TRAFFIC.BUS_BLOCKING'),
    ('wuye',      'PROPERTY.STAIRWELL_LIGHT'),
    ('wuye',      'PROPERTY.STAIRWELL_CLUTTER'),
    ('wuye',      'PROPERTY.WATER_LEAK'),
    ('wuye',      'PROPERTY.ELEVATOR_FAULT'),
    ('wuye',      'DISPUTE.PROPERTY_SERVICE'),
    ('ranqi',     'SAFETY.GAS_LEAK')
) AS s(department_code, category_code)
WHERE NOT EXISTS (SELECT 1 FROM registry_department_category dc
                  WHERE dc.department_code = s.department_code AND dc.category_code = s.category_code);

-- Staff: the demo logins first, then one worker per remaining grid and one member of staff per remaining
-- community. Each is attached to exactly one unit or one department. Names and mobiles are invented.
INSERT INTO registry_staff (username, full_name, phone, role, unit_code, department_code)
SELECT * FROM (VALUES
    ('admin',               '王建国', '13991200101', 'ADMINISTRATOR',       '610104',          NULL),
    ('supervisor',          '李秀兰', '13991200102', 'DISTRICT_SUPERVISOR', '610104',          NULL),
    ('auditor',             '张德明', '13991200103', 'AUDITOR',             '610104',          NULL),
    ('hotline',             '刘晓燕', '13991200104', 'HOTLINE_OPERATOR',    '610104',          NULL),
    ('street.dispatcher',   '陈志强', '13991200105', 'STREET_DISPATCHER',   '610104007',       NULL),
    ('hongmiao.dispatcher', '杨丽娟', '13991200106', 'STREET_DISPATCHER',   '610104006',       NULL),
    ('community.staff',     '赵雅琴', '13991200107', 'COMMUNITY_STAFF',     '610104007001',    NULL),
    ('grid.leader',         '黄卫东', '13991200108', 'GRID_LEADER',         '610104007001001', NULL),
    ('grid.worker',         '周小军', '13991200109', 'GRID_WORKER',         '610104007001001', NULL),
    ('dept.chengguan',      '吴海涛', '13991200110', 'DEPARTMENT_STAFF',    NULL, 'chengguan'),
    ('dept.zhujian',        '徐文斌', '13991200111', 'DEPARTMENT_STAFF',    NULL, 'zhujian'),
    ('dept.xiaofang',       '孙鹏飞', '13991200112', 'DEPARTMENT_STAFF',    NULL, 'xiaofang'),
    ('dept.jiaojing',       '马俊杰', '13991200113', 'DEPARTMENT_STAFF',    NULL, 'jiaojing'),
    ('dept.shuiwu',         '朱红梅', '13991200114', 'DEPARTMENT_STAFF',    NULL, 'shuiwu'),
    ('dept.shichang',       '胡立新', '13991200115', 'DEPARTMENT_STAFF',    NULL, 'shichang'),
    ('dept.sifa',           '郭淑芬', '13991200116', 'DEPARTMENT_STAFF',    NULL, 'sifa'),
    ('dept.gongjiao',       '何永刚', '13991200117', 'DEPARTMENT_STAFF',    NULL, 'gongjiao'),
    ('dept.wuye',           '高静',   '13991200118', 'DEPARTMENT_STAFF',    NULL, 'wuye'),
    ('dept.ranqi',          '罗成',   '13991200119', 'DEPARTMENT_STAFF',    NULL, 'ranqi'),
    ('cs.610104007002',     '梁美华', '13991200120', 'COMMUNITY_STAFF',     '610104007002',    NULL),
    ('cs.610104007003',     '宋建华', '13991200121', 'COMMUNITY_STAFF',     '610104007003',    NULL),
    ('cs.610104006001',     '郑玉兰', '13991200122', 'COMMUNITY_STAFF',     '610104006001',    NULL),
    ('cs.610104006002',     '谢国庆', '13991200123', 'COMMUNITY_STAFF',     '610104006002',    NULL),
    ('gw.610104007001002',  '韩磊',   '13991200124', 'GRID_WORKER',         '610104007001002', NULL),
    ('gw.610104007001003',  '唐晓红', '13991200125', 'GRID_WORKER',         '610104007001003', NULL),
    ('gw.610104007002001',  '冯志刚', '13991200126', 'GRID_WORKER',         '610104007002001', NULL),
    ('gw.610104007002002',  '于桂英', '13991200127', 'GRID_WORKER',         '610104007002002', NULL),
    ('gw.610104007002003',  '董建军', '13991200128', 'GRID_WORKER',         '610104007002003', NULL),
    ('gw.610104007003001',  '萧丽萍', '13991200129', 'GRID_WORKER',         '610104007003001', NULL),
    ('gw.610104007003002',  '程宏伟', '13991200130', 'GRID_WORKER',         '610104007003002', NULL),
    ('gw.610104007003003',  '曹秀珍', '13991200131', 'GRID_WORKER',         '610104007003003', NULL),
    ('gw.610104006001001',  '袁新民', '13991200132', 'GRID_WORKER',         '610104006001001', NULL),
    ('gw.610104006001002',  '邓春燕', '13991200133', 'GRID_WORKER',         '610104006001002', NULL),
    ('gw.610104006001003',  '许振华', '13991200134', 'GRID_WORKER',         '610104006001003', NULL),
    ('gw.610104006002001',  '傅晓梅', '13991200135', 'GRID_WORKER',         '610104006002001', NULL),
    ('gw.610104006002002',  '沈国栋', '13991200136', 'GRID_WORKER',         '610104006002002', NULL),
    ('gw.610104006002003',  '彭丽华', '13991200137', 'GRID_WORKER',         '610104006002003', NULL)
) AS s(username, full_name, phone, role, unit_code, department_code)
WHERE NOT EXISTS (SELECT 1 FROM registry_staff t WHERE t.username = s.username);

-- Case number prefixes (V4): 土门 TM, 红庙坡 HMP, and LH for cases not yet placed in a street.
UPDATE registry_unit SET case_prefix = 'LH' WHERE code = '610104' AND case_prefix IS NULL;
UPDATE registry_unit SET case_prefix = 'TM' WHERE code = '610104007' AND case_prefix IS NULL;
UPDATE registry_unit SET case_prefix = 'HMP' WHERE code = '610104006' AND case_prefix IS NULL;

-- Dispute mediation (V34): the police station a high-risk dispute alerts, and mediation teams of 牡丹庄园社区
-- and of 土门街道 (names invented). MediatorProposal.dmn proposes a speciality; the team follows from here.
INSERT INTO registry_department (code, name, kind, phone)
SELECT * FROM (VALUES
    ('paichusuo', '莲湖公安分局土门派出所', 'DEPARTMENT', '029-88631110')
) AS s(code, name, kind, phone)
WHERE NOT EXISTS (SELECT 1 FROM registry_department d WHERE d.code = s.code);

INSERT INTO registry_mediation_team (code, name, unit_code, speciality, active)
SELECT * FROM (VALUES
    ('mdzy-plumbing',    '牡丹庄园社区水电调解小组',   '610104007001', 'PLUMBING',      TRUE),
    ('mdzy-property',    '牡丹庄园社区物业法律调解小组', '610104007001', 'PROPERTY_LAW',  TRUE),
    ('mdzy-counselling', '牡丹庄园社区心理疏导调解小组', '610104007001', 'COUNSELLING',   TRUE),
    ('tumen-joint',      '土门街道人民调解委员会',       '610104007',    'COMPREHENSIVE', TRUE)
) AS s(code, name, unit_code, speciality, active)
WHERE NOT EXISTS (SELECT 1 FROM registry_mediation_team t WHERE t.code = s.code);

INSERT INTO registry_mediator (team_code, seq, name, role)
SELECT * FROM (VALUES
    ('mdzy-plumbing',    0, '赵雅琴', '社工'),
    ('mdzy-plumbing',    1, '周小军', '网格员'),
    ('mdzy-plumbing',    2, '刘建民', '志愿者（水电工）'),
    ('mdzy-property',    0, '陈静',   '律师'),
    ('mdzy-property',    1, '王建国', '党员'),
    ('mdzy-counselling', 0, '李秀英', '社工'),
    ('mdzy-counselling', 1, '孙丽',   '志愿者（心理咨询师）'),
    ('tumen-joint',      0, '马志刚', '司法所调解员'),
    ('tumen-joint',      1, '何玉梅', '党员')
) AS s(team_code, seq, name, role)
WHERE NOT EXISTS (SELECT 1 FROM registry_mediator m WHERE m.team_code = s.team_code AND m.seq = s.seq);
