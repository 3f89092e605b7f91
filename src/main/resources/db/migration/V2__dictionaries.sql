-- The dictionaries of DESIGN §3, as the Ministry of Justice's people's-mediation statistics use them.

INSERT INTO source_group (code, name_zh, name_en, sort_order) VALUES
    ('ACTIVE',      '主动',     'Proactive',            1),
    ('APPLICATION', '申请',     'Application',          2),
    ('REFERRAL',    '委托移送', 'Referral / entrusted', 3);

INSERT INTO lead_source (code, name_zh, name_en, source_group, sort_order) VALUES
    ('SCREENING',           '主动排查',   'Proactive screening',       'ACTIVE',      1),
    ('GRID_REPORT',         '网格员上报', 'Reported by grid worker',   'ACTIVE',      2),
    ('PARTY_APPLICATION',   '当事人申请', 'Application by a party',    'APPLICATION', 3),
    ('WALK_IN',             '群众来访',   'Walk-in visit',             'APPLICATION', 4),
    ('POLICE_REFERRAL',     '公安移交',   'Referred by police',        'REFERRAL',    5),
    ('COURT_REFERRAL',      '法院委托',   'Entrusted by court',        'REFERRAL',    6),
    ('PETITION_REFERRAL',   '信访转办',   'Forwarded by petition office', 'REFERRAL', 7),
    ('GOVERNMENT_ASSIGNED', '政府指派',   'Assigned by government',    'REFERRAL',    8),
    ('OTHER',               '其他',       'Other',                     'APPLICATION', 9);

INSERT INTO dispute_type (code, name_zh, name_en, sort_order) VALUES
    ('MARRIAGE_FAMILY',     '婚姻家庭',     'Marriage and family',        1),
    ('NEIGHBOR',            '邻里',         'Neighbours',                 2),
    ('HOUSING_HOMESTEAD',   '房屋宅基地',   'Housing and homestead',      3),
    ('CONTRACT',            '合同',         'Contract',                   4),
    ('PRODUCTION_BUSINESS', '生产经营',     'Production and business',    5),
    ('DAMAGES',             '损害赔偿',     'Damages',                    6),
    ('FOREST_LAND',         '山林土地',     'Forest and land',            7),
    ('LAND_REQUISITION',    '征地拆迁',     'Land requisition and demolition', 8),
    ('ENVIRONMENT',         '环境污染',     'Environmental pollution',    9),
    ('LABOR',               '劳动争议',     'Labour dispute',             10),
    ('CONSUMER',            '消费',         'Consumer',                   11),
    ('MEDICAL',             '医疗',         'Medical',                    12),
    ('TRAFFIC',             '道路交通事故', 'Road traffic accident',      13),
    ('PROPERTY_MGMT',       '物业',         'Property management',        14),
    ('OTHER',               '其他',         'Other',                      15);

INSERT INTO risk_level (code, name_zh, name_en, sort_order) VALUES
    ('BLUE',   '蓝', 'Blue (latent)',       1),
    ('YELLOW', '黄', 'Yellow (ordinary)',   2),
    ('ORANGE', '橙', 'Orange (may escalate)', 3),
    ('RED',    '红', 'Red (major)',         4);

INSERT INTO verification_result (code, name_zh, name_en, sort_order) VALUES
    ('GENUINE',     '属实',   'Genuine',     1),
    ('UNFOUNDED',   '不属实', 'Unfounded',   2),
    ('DUPLICATE',   '重复',   'Duplicate',   3),
    ('TRANSFERRED', '移交',   'Transferred', 4);

INSERT INTO outcome (code, name_zh, name_en, sort_order) VALUES
    ('RESOLVED',   '调解成功', 'Resolved',   1),
    ('FAILED',     '调解不成', 'Failed',     2),
    ('TERMINATED', '终止调解', 'Terminated', 3);

INSERT INTO setting (name, setting_value) VALUES
    ('case.time_limit_days', '30'),
    ('case.number_pattern', '({year}){short}人调字第{seq:000}号');
