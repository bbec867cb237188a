-- The category catalogue: two levels, in the spirit of CJ/T 214 event categories. Leaves carry the urgency a
-- report gets when the reporter does not say. Reference data for every profile: triage rules refer to it.
INSERT INTO registry_category (code, name, parent_code, default_urgency) VALUES
    ('MUNICIPAL',  '市政设施', NULL, NULL),
    ('SANITATION', '环境卫生', NULL, NULL),
    ('PROPERTY',   '物业管理', NULL, NULL),
    ('TRAFFIC',    '道路交通', NULL, NULL),
    ('SAFETY',     '安全隐患', NULL, NULL),
    ('DISPUTE',    '矛盾纠纷', NULL, NULL),
    ('MARKET',     '市场秩序', NULL, NULL);

INSERT INTO registry_category (code, name, parent_code, default_urgency) VALUES
    ('MUNICIPAL.MANHOLE_COVER_MISSING', '井盖缺失',     'MUNICIPAL',  'URGENT'),
    ('MUNICIPAL.STREET_LIGHT_OUT',      '路灯损坏',     'MUNICIPAL',  'ROUTINE'),
    ('MUNICIPAL.SEWER_BLOCKED',         '下水道堵塞',   'MUNICIPAL',  'URGENT'),
    ('MUNICIPAL.ROAD_DAMAGE',           '道路破损',     'MUNICIPAL',  'ROUTINE'),
    ('MUNICIPAL.WATER_PIPE_BURST',      '供水管道爆裂', 'MUNICIPAL',  'EMERGENCY'),
    ('SANITATION.GARBAGE_PILE',         '垃圾堆放',     'SANITATION', 'ROUTINE'),
    ('SANITATION.BIN_OVERFLOW',         '垃圾桶满溢',   'SANITATION', 'ROUTINE'),
    ('SANITATION.ILLEGAL_ADVERTISING',  '乱贴小广告',   'SANITATION', 'ROUTINE'),
    ('PROPERTY.STAIRWELL_LIGHT',        '楼道照明',     'PROPERTY',   'ROUTINE'),
    ('PROPERTY.STAIRWELL_CLUTTER',      '楼道堆物',     'PROPERTY',   'ROUTINE'),
    ('PROPERTY.WATER_LEAK',             '漏水渗水',     'PROPERTY',   'URGENT'),
    ('PROPERTY.ELEVATOR_FAULT',         '电梯故障',     'PROPERTY',   'URGENT'),
    ('TRAFFIC.ILLEGAL_PARKING',         '占道停车',     'TRAFFIC',    'ROUTINE'),
    ('TRAFFIC.BUS_BLOCKING',            '公交车辆堵路', 'TRAFFIC',    'URGENT'),
    ('TRAFFIC.SIGNAL_FAULT',            '信号灯故障',   'TRAFFIC',    'URGENT'),
    ('SAFETY.ROAD_SUBSIDENCE',          '路面塌陷',     'SAFETY',     'EMERGENCY'),
    ('SAFETY.GAS_LEAK',                 '燃气泄漏',     'SAFETY',     'EMERGENCY'),
    ('SAFETY.FIRE_EXIT_BLOCKED',        '消防通道堵塞', 'SAFETY',     'URGENT'),
    ('SAFETY.DANGEROUS_BUILDING',       '房屋安全隐患', 'SAFETY',     'URGENT'),
    ('DISPUTE.NEIGHBOUR',               '邻里纠纷',     'DISPUTE',    'ROUTINE'),
    ('DISPUTE.PROPERTY_SERVICE',        '物业服务纠纷', 'DISPUTE',    'ROUTINE'),
    ('MARKET.STREET_VENDING',           '占道经营',     'MARKET',     'ROUTINE'),
    ('MARKET.FOOD_SAFETY',              '食品安全',     'MARKET',     'URGENT');
