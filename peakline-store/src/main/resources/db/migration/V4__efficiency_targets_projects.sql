-- C6: key equipment and production lines get their equipment type and commissioning date; renovation plans of laggards
alter table facility add column equipment text;
alter table facility add column commissioned date;
alter table facility add column created_at timestamptz not null default now();

create table renovation_plan (
    id            bigint generated always as identity primary key,
    facility_id   bigint not null references facility (id),
    measure       text not null check (length(measure) between 1 and 500),
    target_value  double precision,
    deadline      date not null,
    status        text not null check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'RETIRED')),
    created_at    timestamptz not null,
    done_at       date
);
create index renovation_plan_facility on renovation_plan (facility_id);

-- C7: region statistics from the import template, one row per region-year, with the energy lines behind it
create table region_statistic (
    region           char(6) not null references region (code),
    year             int not null check (year between 1990 and 2100),
    gdp_10k_yuan     double precision not null check (gdp_10k_yuan > 0),
    price_base_year  int not null check (price_base_year between 1990 and 2100),
    energy_tce       double precision not null,
    co2_t            double precision not null,
    non_fossil_tce   double precision not null check (non_fossil_tce >= 0),
    imported_at      timestamptz not null,
    imported_by      text not null,
    primary key (region, year)
);

create table region_energy (
    region    char(6) not null,
    year      int not null,
    carrier   text not null,
    amount    double precision not null,
    unit      text not null,
    tce       double precision not null,
    co2_t     double precision not null,
    primary key (region, year, carrier),
    foreign key (region, year) references region_statistic (region, year) on delete cascade
);

create table target (
    id           bigint generated always as identity primary key,
    scope        text not null check (scope in ('REGION', 'INDUSTRY', 'ENTERPRISE')),
    region       char(6) references region (code),
    industry     varchar(4) references industry (code),
    enterprise   char(18) references enterprise (credit_code),
    indicator    text not null,
    base_year    int not null,
    target_year  int not null,
    value        double precision not null,
    parent_id    bigint references target (id),
    document     text not null default '',
    created_at   timestamptz not null,
    created_by   text not null,
    check (target_year > base_year),
    check ((scope = 'ENTERPRISE') = (enterprise is not null)),
    check ((scope = 'INDUSTRY') = (industry is not null)),
    check (scope = 'ENTERPRISE' or region is not null)
);
create unique index target_subject on target (scope, coalesce(region, ''), coalesce(industry, ''),
    coalesce(enterprise, ''), indicator, base_year, target_year);

-- C8: the two-high project register
create table project (
    id                   bigint generated always as identity primary key,
    name                 text not null check (length(name) between 1 and 200),
    enterprise           char(18) references enterprise (credit_code),
    region               char(6) not null references region (code),
    industry             varchar(4) not null references industry (code),
    product              text not null,
    capacity             double precision not null check (capacity > 0),
    capacity_unit        text not null,
    designed_energy_tce  double precision not null check (designed_energy_tce >= 0),
    designed_co2_t       double precision not null check (designed_co2_t >= 0),
    designed_value       double precision,
    status               text not null,
    classification       text not null,
    disposal             text not null default '',
    commissioned         date,
    created_at           timestamptz not null,
    created_by           text not null
);
create index project_region on project (region);

create table project_event (
    id          bigint generated always as identity primary key,
    project_id  bigint not null references project (id),
    at          timestamptz not null,
    actor       text not null,
    from_status text,
    to_status   text not null,
    document    text not null default '',
    comment     text not null default ''
);
create index project_event_project on project_event (project_id);

create table substitution (
    id                 bigint generated always as identity primary key,
    project_id         bigint not null references project (id),
    kind               text not null check (kind in ('CAPACITY', 'COAL', 'ENERGY', 'CARBON', 'POLLUTANT')),
    amount             double precision not null check (amount > 0),
    unit               text not null,
    pollutant          text,
    source             text not null check (length(source) between 1 and 500),
    source_enterprise  char(18) references enterprise (credit_code),
    created_at         timestamptz not null,
    created_by         text not null
);
create index substitution_project on substitution (project_id);
