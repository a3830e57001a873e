-- Reference shape of MISSION.md: 22 real county-level divisions (GB/T 2260) in 5 prefectures,
-- synthetic townships and villages (labelled as such), one coordinator per village and one
-- supervisor per county.

create table prefecture (
    code    char(6) primary key,
    name    text not null,
    name_zh text not null
);

create table county (
    code            char(6) primary key,
    prefecture_code char(6) not null references prefecture (code),
    name            text not null,
    name_zh         text not null
);

create table township (
    code        char(9) primary key,
    county_code char(6) not null references county (code),
    name        text not null,
    synthetic   boolean not null
);

create table village (
    code          char(12) primary key,
    township_code char(9) not null references township (code),
    county_code   char(6) not null references county (code),
    name          text not null,
    synthetic     boolean not null
);

create index village_county on village (county_code);

-- Staff known to the service: who coordinates a village, who supervises a county. Identity and
-- credentials live at the OAuth2 issuer; this table says where each person works.
create table staff_member (
    user_id     text primary key,
    role        text not null check (role in ('COORDINATOR', 'SUPERVISOR')),
    region_code text not null,
    available   boolean not null default true
);

create index staff_member_region on staff_member (region_code, role);

insert into prefecture (code, name, name_zh) values
    ('640100', 'Yinchuan', '银川市'),
    ('640200', 'Shizuishan', '石嘴山市'),
    ('640300', 'Wuzhong', '吴忠市'),
    ('640400', 'Guyuan', '固原市'),
    ('640500', 'Zhongwei', '中卫市');

insert into county (code, prefecture_code, name, name_zh) values
    ('640104', '640100', 'Xingqing', '兴庆区'),
    ('640105', '640100', 'Xixia', '西夏区'),
    ('640106', '640100', 'Jinfeng', '金凤区'),
    ('640121', '640100', 'Yongning', '永宁县'),
    ('640122', '640100', 'Helan', '贺兰县'),
    ('640181', '640100', 'Lingwu', '灵武市'),
    ('640202', '640200', 'Dawukou', '大武口区'),
    ('640205', '640200', 'Huinong', '惠农区'),
    ('640221', '640200', 'Pingluo', '平罗县'),
    ('640302', '640300', 'Litong', '利通区'),
    ('640303', '640300', 'Hongsibu', '红寺堡区'),
    ('640323', '640300', 'Yanchi', '盐池县'),
    ('640324', '640300', 'Tongxin', '同心县'),
    ('640381', '640300', 'Qingtongxia', '青铜峡市'),
    ('640402', '640400', 'Yuanzhou', '原州区'),
    ('640422', '640400', 'Xiji', '西吉县'),
    ('640423', '640400', 'Longde', '隆德县'),
    ('640424', '640400', 'Jingyuan', '泾源县'),
    ('640425', '640400', 'Pengyang', '彭阳县'),
    ('640502', '640500', 'Shapotou', '沙坡头区'),
    ('640521', '640500', 'Zhongning', '中宁县'),
    ('640522', '640500', 'Haiyuan', '海原县');

-- Ten synthetic townships per county, numbered from 001.
insert into township (code, county_code, name, synthetic)
select c.code || lpad(t::text, 3, '0'),
       c.code,
       c.name || ' township ' || lpad(t::text, 3, '0') || ' (synthetic)',
       true
from county c
cross join generate_series(1, 10) t;

-- 2,217 synthetic villages: 101 in each of the first 17 counties by code, 100 in the last 5,
-- dealt round-robin over the county's townships so that every township starts at village 001.
insert into village (code, township_code, county_code, name, synthetic)
select c.code || lpad((n % 10 + 1)::text, 3, '0') || lpad((n / 10 + 1)::text, 3, '0'),
       c.code || lpad((n % 10 + 1)::text, 3, '0'),
       c.code,
       c.name || ' township ' || lpad((n % 10 + 1)::text, 3, '0') || ' village '
           || lpad((n / 10 + 1)::text, 3, '0') || ' (synthetic)',
       true
from (select code, name, row_number() over (order by code) as position from county) c
cross join lateral generate_series(0, case when c.position <= 17 then 100 else 99 end) n;

insert into staff_member (user_id, role, region_code)
select 'coord-' || code, 'COORDINATOR', code from village;

insert into staff_member (user_id, role, region_code)
select 'sup-' || code, 'SUPERVISOR', code from county;
