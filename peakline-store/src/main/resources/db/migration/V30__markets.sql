-- Issue 30: the registry of instruments (配额, 用能权, 排污权, 绿证, CCER, provincial credits) as an append-only
-- double-entry ledger (the rules are core's InstrumentLedger; this table is what it replays), the national ETS's power
-- units with their yearly output, and allocation runs (preview, then issued) with each unit's line and arithmetic.
create table market_movement (
    id            bigint generated always as identity primary key,
    region        char(6) not null references region (code),
    day           date not null,
    account       text not null,
    instrument    text not null check (instrument in ('cea', 'provincial_cea', 'energy_right', 'pollution_right', 'gec',
                                                      'ccer', 'provincial_credit')),
    vintage       int not null check (vintage between 2005 and 2100),
    kind          text not null check (kind in ('obligation', 'issue', 'allocate', 'transfer', 'surrender', 'retire',
                                                'cancel', 'expire')),
    quantity      numeric(20, 3) not null check (quantity <> 0),
    serial_from   bigint,
    serial_to     bigint,
    counterparty  text,
    price_yuan    numeric(14, 2) check (price_yuan is null or price_yuan >= 0),
    reference     text not null default '',
    -- an obligation's surrender deadline, as the year's notice sets it
    deadline      date check (deadline is null or kind = 'obligation'),
    recorded_by   text not null,
    recorded_at   timestamptz not null,
    check ((serial_from is null) = (serial_to is null) and (serial_to is null or serial_to >= serial_from))
);
create index market_movement_account on market_movement (account);
create index market_movement_region on market_movement (region, day);

-- the ledger is append-only: a correction is a new movement
create function market_movement_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'market_movement is append-only: book a new movement instead';
end $$;
create trigger market_movement_no_change before update or delete on market_movement
    for each row execute function market_movement_append_only();

create table ets_unit (
    unit_id      text primary key check (unit_id ~ '^[A-Za-z0-9_.-]{1,32}$'),
    enterprise   char(18) not null references enterprise (credit_code) on update cascade,
    name         text not null default '',
    fuel_class   text not null check (fuel_class in ('coal_300plus', 'coal_300minus', 'coal_unconventional', 'gas')),
    air_cooled   boolean not null,
    capacity_mw  double precision check (capacity_mw is null or (capacity_mw > 0 and capacity_mw <= 2000)),
    registered_by text not null,
    registered_at timestamptz not null
);
create index ets_unit_enterprise on ets_unit (enterprise);

create table ets_unit_year (
    unit_id      text not null references ets_unit (unit_id) on delete cascade,
    year         int not null check (year between 2005 and 2100),
    supply_mwh   double precision not null check (supply_mwh >= 0 and supply_mwh <= 2e7),
    heat_gj      double precision not null check (heat_gj >= 0 and heat_gj <= 1e9),
    heat_ratio   double precision not null check (heat_ratio >= 0 and heat_ratio <= 1),
    load_factor  double precision not null check (load_factor > 0 and load_factor <= 1),
    verified_t   double precision check (verified_t is null or (verified_t >= 0 and verified_t <= 1e9)),
    recorded_by  text not null,
    recorded_at  timestamptz not null,
    primary key (unit_id, year)
);

create table allocation_run (
    id          bigint generated always as identity primary key,
    region      char(6) not null references region (code),
    year        int not null,
    stage       text not null check (stage in ('pre', 'final')),
    status      text not null check (status in ('PREVIEW', 'ISSUED')),
    created_by  text not null,
    created_at  timestamptz not null,
    issued_by   text,
    issued_at   timestamptz
);
create index allocation_run_year on allocation_run (year, stage, status);

create table allocation_line (
    run_id         bigint not null references allocation_run (id) on delete cascade,
    unit_id        text not null,
    enterprise     char(18) not null,
    electricity_t  double precision not null,
    heat_t         double precision not null,
    allocation_t   bigint not null,
    booked_t       bigint not null,
    verified_t     double precision,
    due_t          bigint,
    explanation    text not null,
    primary key (run_id, unit_id)
);
create index allocation_line_unit on allocation_line (unit_id);
