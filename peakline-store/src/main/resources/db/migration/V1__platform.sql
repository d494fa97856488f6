-- Peakline platform schema: registry, enterprises, users and scope, filings with versions, results, factor sets, audit.

create table region (
    code    char(6) primary key check (code ~ '^[0-9]{6}$'),
    name    text not null,
    level   text not null check (level in ('PROVINCE', 'CITY', 'COUNTY')),
    parent  char(6) references region (code)
);
create index region_parent on region (parent);

create table industry (
    code    varchar(4) primary key check (code ~ '^([A-T]|[0-9]{2,4})$'),
    name    text not null,
    level   text not null,
    parent  varchar(4) references industry (code)
);

create table park (
    id      bigint generated always as identity primary key,
    name    text not null unique,
    region  char(6) not null references region (code)
);

create table enterprise (
    credit_code      char(18) primary key,
    name             text not null,
    region           char(6) not null references region (code),
    industry         varchar(4) not null references industry (code),
    park_id          bigint references park (id),
    key_energy_unit  boolean not null default false,
    key_emitter      boolean not null default false,
    created_at       timestamptz not null default now()
);
create index enterprise_region on enterprise (region);

create table facility (
    id             bigint generated always as identity primary key,
    enterprise     char(18) not null references enterprise (credit_code),
    name           text not null,
    kind           text not null,
    product        text,
    capacity       numeric check (capacity is null or capacity >= 0),
    capacity_unit  text,
    unique (enterprise, name)
);

create table app_user (
    id             bigint generated always as identity primary key,
    username       text not null unique,
    display_name   text not null,
    password_hash  text not null,
    role           text not null check (role in ('ADMIN', 'GOVERNMENT', 'ENTERPRISE', 'VERIFIER')),
    region         char(6) references region (code),
    enterprise     char(18) references enterprise (credit_code),
    locked         boolean not null default false,
    created_at     timestamptz not null default now(),
    check ((role = 'GOVERNMENT') = (region is not null)),
    check ((role = 'ENTERPRISE') = (enterprise is not null))
);

create table verifier_assignment (
    user_id     bigint not null references app_user (id),
    enterprise  char(18) not null references enterprise (credit_code),
    primary key (user_id, enterprise)
);

create table api_token (
    token_hash  text primary key,
    user_id     bigint not null references app_user (id),
    name        text not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz,
    revoked     boolean not null default false
);

create table factor_set (
    id           text not null,
    version      text not null,
    publication  text not null default '',
    content      text not null,
    loaded_at    timestamptz not null default now(),
    loaded_by    bigint references app_user (id),
    primary key (id, version)
);

-- the factor set a region accounts with, from a date; the latest active_from not after the period applies
create table region_factor_set (
    region       char(6) not null references region (code),
    active_from  date not null,
    set_id       text not null,
    set_version  text not null,
    primary key (region, active_from),
    foreign key (set_id, set_version) references factor_set (id, version)
);

-- one version of one enterprise-month; a correction is a new version, nothing is overwritten
create table filing (
    id           bigint generated always as identity primary key,
    enterprise   char(18) not null references enterprise (credit_code),
    period       char(7) not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    version      int not null check (version >= 1),
    status       text not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'SUPERSEDED')),
    source       text not null default 'FORM' check (source in ('FORM', 'UPLOAD', 'METERS')),
    created_by   bigint references app_user (id),
    created_at   timestamptz not null,
    submitted_at timestamptz,
    decided_by   bigint references app_user (id),
    decided_at   timestamptz,
    comment      text,
    unique (enterprise, period, version)
);
-- at most one version of a month is being worked on at a time
create unique index filing_one_open on filing (enterprise, period) where status in ('DRAFT', 'SUBMITTED', 'RETURNED');
-- at most one approved version stands
create unique index filing_one_approved on filing (enterprise, period) where status = 'APPROVED';

create table filing_activity (
    filing_id       bigint not null references filing (id),
    line            int not null,
    carrier         text not null,
    use             text not null,
    amount          numeric not null,
    unit            text not null,
    measured_ncv    numeric,
    measured_carbon numeric,
    primary key (filing_id, line)
);

create table filing_process (
    filing_id   bigint not null references filing (id),
    line        int not null,
    process     text not null,
    amount      numeric not null check (amount >= 0),
    unit        text not null,
    parameters  text not null default '',
    primary key (filing_id, line)
);

create table filing_production (
    filing_id  bigint not null references filing (id),
    line       int not null,
    product    text not null,
    amount     numeric not null check (amount >= 0),
    unit       text not null,
    primary key (filing_id, line)
);

create table filing_output (
    filing_id    bigint not null references filing (id),
    line         int not null,
    value_added  numeric not null,
    unit         text not null,
    primary key (filing_id, line)
);

create table account_result (
    filing_id               bigint primary key references filing (id),
    enterprise              char(18) not null references enterprise (credit_code),
    period                  char(7) not null,
    scope1_tco2             double precision not null,
    scope2_tco2             double precision not null,
    total_tco2              double precision not null,
    energy_tce              double precision not null,
    combustion_tco2         double precision not null,
    process_tco2            double precision not null,
    electricity_tco2        double precision not null,
    heat_tco2               double precision not null,
    value_added             double precision,
    factor_sets             text not null,
    explanation             text not null,
    computed_at             timestamptz not null
);
create index account_result_period on account_result (period);

-- who changed what, when, with the value before and after (JSON text)
create table audit_log (
    id         bigint generated always as identity primary key,
    at         timestamptz not null,
    actor      text not null,
    action     text not null,
    entity     text not null,
    entity_id  text not null,
    before     jsonb,
    after      jsonb
);
create index audit_log_entity on audit_log (entity, entity_id);
