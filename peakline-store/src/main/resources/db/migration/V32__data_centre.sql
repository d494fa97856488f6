-- Issue 31: data centres of an enterprise, their meters by position (by the point's code, so a replaced device stays
-- in place), and the computing the operator files for a month.
create table data_centre (
    id              bigint generated always as identity primary key,
    enterprise      char(18) not null references enterprise (credit_code) on update cascade,
    code            text not null check (code ~ '^[A-Za-z0-9_.-]{1,32}$'),
    name            text not null,
    cluster         text not null default '',
    status          text not null check (status in ('planned', 'construction', 'operating')),
    cooling         text not null check (cooling in ('air', 'water', 'evaporative', 'free', 'liquid')),
    it_capacity_kw  double precision not null check (it_capacity_kw > 0 and it_capacity_kw <= 1000000),
    racks           int check (racks is null or racks between 1 and 200000),
    commissioned    int check (commissioned is null or commissioned between 1990 and 2100),
    target_scope    text not null,
    registered_at   timestamptz not null,
    registered_by   text not null,
    unique (enterprise, code)
);

create table data_centre_meter (
    data_centre  bigint not null references data_centre (id) on delete cascade,
    meter_code   text not null,
    position     text not null check (position in ('total', 'it', 'cooling', 'other', 'onsite_renewable',
                                                   'green_purchased')),
    primary key (data_centre, meter_code)
);

create table data_centre_computing (
    data_centre  bigint not null references data_centre (id) on delete cascade,
    month        char(7) not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    utilisation  double precision check (utilisation is null or (utilisation >= 0 and utilisation <= 1)),
    pflops       double precision check (pflops is null or (pflops >= 0 and pflops <= 1000000)),
    filed_at     timestamptz not null,
    filed_by     text not null,
    primary key (data_centre, month)
);
