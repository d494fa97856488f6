-- Issue 19: 碳普惠 programmes run by a region's operator, their participants, the reductions issued as points (each
-- source record once in Peakline) and the points used; expiry is computed from the programme's validity
create table inclusion_programme (
    id            bigint generated always as identity primary key,
    region        char(6) not null references region (code),
    name          text not null check (length(name) between 1 and 200),
    methodology   text not null check (methodology in ('pv_distributed')),
    points_per_kg double precision not null check (points_per_kg > 0 and points_per_kg <= 1000),
    valid_months  int not null check (valid_months between 1 and 120),
    rules         text not null check (length(rules) between 1 and 2000),
    created_at    timestamptz not null,
    created_by    text not null
);

create table inclusion_participant (
    programme_id  bigint not null references inclusion_programme (id),
    enterprise    char(18) not null references enterprise (credit_code),
    joined_at     timestamptz not null,
    primary key (programme_id, enterprise)
);

create table inclusion_claim (
    id             bigint generated always as identity primary key,
    programme_id   bigint not null references inclusion_programme (id),
    enterprise     char(18) not null references enterprise (credit_code),
    source_record  text not null unique check (length(source_record) between 1 and 200),
    activity_date  date not null,
    activity       double precision not null check (activity >= 0),
    evidence       text not null,
    factor         double precision not null,
    factor_source  text not null,
    reduction_kg   numeric(18, 3) not null,
    points         bigint not null check (points >= 0),
    issued_at      timestamptz not null,
    issued_by      text not null,
    foreign key (programme_id, enterprise) references inclusion_participant (programme_id, enterprise)
);
create index inclusion_claim_participant on inclusion_claim (programme_id, enterprise);

create table inclusion_use (
    id            bigint generated always as identity primary key,
    programme_id  bigint not null references inclusion_programme (id),
    enterprise    char(18) not null references enterprise (credit_code),
    used_on       date not null,
    points        bigint not null check (points > 0),
    purpose       text not null check (length(purpose) between 1 and 200),
    created_at    timestamptz not null,
    created_by    text not null,
    foreign key (programme_id, enterprise) references inclusion_participant (programme_id, enterprise)
);
