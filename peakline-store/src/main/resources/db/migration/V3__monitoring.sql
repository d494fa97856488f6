-- Online energy monitoring (重点用能单位能耗在线监测): meters, readings, statistics, roll-ups, quality, reconciliation.

-- one device installed at one measuring point of an enterprise; a replacement is a new row with the same code whose
-- installation follows the old one's removal, so a gateway keeps sending the point's code and the time decides
create table meter (
    id            bigint generated always as identity primary key,
    enterprise    char(18) not null references enterprise (credit_code),
    facility_id   bigint references facility (id),
    code          text not null check (code ~ '^[A-Za-z0-9_.:-]{1,64}$'),
    name          text not null,
    carrier       text not null,
    unit          text not null,
    kind          text not null check (kind in ('REGISTER', 'INTERVAL')),
    multiplier    double precision not null check (multiplier > 0),
    interval_s    int not null check (interval_s between 60 and 86400),
    register_max  double precision not null default 0 check (register_max >= 0),
    installed_at  timestamptz not null,
    removed_at    timestamptz check (removed_at is null or removed_at > installed_at),
    replaces      bigint references meter (id),
    created_at    timestamptz not null default now()
);
create index meter_point on meter (enterprise, code, installed_at);
-- at most one device in service per point
create unique index meter_one_in_service on meter (enterprise, code) where removed_at is null;

-- readings, partitioned by month (Asia/Shanghai calendar months); partitions are created as data arrives
create table reading (
    meter_id  bigint not null,
    ts        timestamptz not null,
    value     double precision not null,
    batch_id  bigint not null,
    primary key (meter_id, ts)
) partition by range (ts);

-- one accepted message (an HTTP request or a group of MQTT messages), the unit of acknowledgement
create table ingest_batch (
    id           bigint generated always as identity primary key,
    enterprise   char(18) not null references enterprise (credit_code),
    channel      text not null check (channel in ('HTTP', 'MQTT')),
    received_at  timestamptz not null,
    accepted     int not null,
    duplicates   int not null,
    rejected     int not null
);

-- what could not be taken, with why; never blocks the rest of a message
create table rejected_message (
    id           bigint generated always as identity primary key,
    received_at  timestamptz not null,
    channel      text not null,
    enterprise   char(18),
    origin       text not null default '',
    item         int,
    meter_code   text,
    reason       text not null,
    detail       text not null,
    payload      text not null
);
create index rejected_message_enterprise on rejected_message (enterprise, received_at);

-- daily and monthly figures as the enterprise's 接入端 states them, with the time-stamp check
create table meter_statistic (
    meter_id      bigint not null references meter (id),
    granularity   text not null check (granularity in ('DAY', 'MONTH')),
    period_start  date not null,
    value         double precision not null,
    stamped_at    timestamptz not null,
    offset_s      bigint not null,
    on_time       boolean not null,
    received_at   timestamptz not null,
    primary key (meter_id, granularity, period_start)
);

-- calendar-day roll-up of one meter (Asia/Shanghai), quantities in the meter's unit with the multiplier applied
create table meter_day (
    meter_id         bigint not null references meter (id),
    day              date not null,
    consumption      double precision not null,
    readings         int not null,
    expected         int not null,
    covered_s        int not null,
    gap_s            int not null,
    rollovers        int not null,
    resets           int not null,
    computed_at      timestamptz not null,
    primary key (meter_id, day)
);

-- days whose roll-up must be computed again, written in the same transaction as the readings that touch them
create table rollup_pending (
    meter_id  bigint not null,
    day       date not null,
    primary key (meter_id, day)
);

-- gateway (接入端) tokens: each may send readings for its enterprise's meters only
create table gateway_token (
    token_hash  text primary key,
    enterprise  char(18) not null references enterprise (credit_code),
    name        text not null,
    created_by  bigint references app_user (id),
    created_at  timestamptz not null,
    revoked     boolean not null default false
);

-- metered versus filed consumption of one enterprise-month and carrier
create table reconciliation (
    enterprise   char(18) not null references enterprise (credit_code),
    period       char(7) not null,
    carrier      text not null,
    unit         text not null,
    metered      double precision not null,
    filed        double precision,
    deviation    double precision,
    threshold    double precision not null,
    flagged      boolean not null,
    filing_id    bigint references filing (id),
    draft_id     bigint references filing (id),
    computed_at  timestamptz not null,
    primary key (enterprise, period, carrier)
);
