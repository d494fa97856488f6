-- Issue 30, second part: the lines (生产线、工序) of the sectors the national ETS covers from 2024 — cement clinker,
-- steel, aluminium smelting — with their yearly verified emissions, allocated by core's IndustryAllocation in the same
-- runs as power units (their ids share allocation_line's key, so a line id is never a unit id); and the register of
-- voluntary reduction projects (CCER and the province's own) with their monitoring reports, whose verified credits are
-- issued into market_movement with serial ranges.
create table ets_line (
    line_id       text primary key check (line_id ~ '^[A-Za-z0-9_.-]{1,32}$'),
    enterprise    char(18) not null references enterprise (credit_code) on update cascade,
    sector        text not null check (sector in ('cement_clinker', 'steel', 'aluminium')),
    name          text not null default '',
    -- the 2025 plan allocates three kinds of cement line at their verified emissions
    at_verified   boolean not null default false,
    registered_by text not null,
    registered_at timestamptz not null
);
create index ets_line_enterprise on ets_line (enterprise);

create table ets_line_year (
    line_id      text not null references ets_line (line_id) on delete cascade,
    year         int not null check (year between 2005 and 2100),
    output_t     double precision check (output_t is null or (output_t >= 0 and output_t <= 1e9)),
    verified_t   double precision check (verified_t is null or (verified_t >= 0 and verified_t <= 1e9)),
    recorded_by  text not null,
    recorded_at  timestamptz not null,
    primary key (line_id, year)
);

create table reduction_project (
    id              text primary key check (id ~ '^[A-Za-z0-9_.-]{1,40}$'),
    owner           char(18) not null references enterprise (credit_code) on update cascade,
    name            text not null check (length(name) between 1 and 200),
    methodology     text not null,
    region          char(6) not null references region (code),
    location        text not null default '',
    crediting_from  date not null,
    crediting_to    date not null check (crediting_to > crediting_from),
    status          text not null check (status in ('registered', 'validated')),
    validated_by    text,
    validated_at    timestamptz,
    validation_note text,
    registered_by   text not null,
    registered_at   timestamptz not null
);
create index reduction_project_owner on reduction_project (owner);
create index reduction_project_region on reduction_project (region);

create table monitoring_report (
    id              bigint generated always as identity primary key,
    project         text not null references reduction_project (id),
    period_from     date not null,
    period_to       date not null check (period_to >= period_from),
    inputs          jsonb not null,
    reduction_t     double precision not null,
    credits         bigint not null check (credits >= 0),
    explanation     text not null,
    status          text not null check (status in ('submitted', 'verified', 'returned', 'issued')),
    submitted_by    text not null,
    submitted_at    timestamptz not null,
    verified_by     text,
    verified_at     timestamptz,
    verified_credits bigint check (verified_credits is null or verified_credits >= 0),
    verifier_note   text,
    issued_by       text,
    issued_at       timestamptz,
    serial_from     bigint,
    serial_to       bigint
);
create index monitoring_report_project on monitoring_report (project);

-- the region's 可再生能源电力消纳责任权重 for a year: the obligation its notice sets (total and non-hydro weights, and the
-- electrolytic aluminium industry's green-power share from 2024) and the shares it achieved, entered by its government
-- with the notice they come from; enterprises' green-power shares are computed from the certificates they retired.
create table renewable_weight (
    region               char(6) not null references region (code),
    year                 int not null check (year between 2005 and 2100),
    obligation_total     double precision not null check (obligation_total > 0 and obligation_total <= 1),
    obligation_non_hydro double precision check (obligation_non_hydro is null or (obligation_non_hydro > 0 and obligation_non_hydro <= 1)),
    aluminium_share      double precision check (aluminium_share is null or (aluminium_share > 0 and aluminium_share <= 1)),
    actual_total         double precision check (actual_total is null or (actual_total >= 0 and actual_total <= 1)),
    actual_non_hydro     double precision check (actual_non_hydro is null or (actual_non_hydro >= 0 and actual_non_hydro <= 1)),
    document             text not null check (length(document) between 1 and 300),
    recorded_by          text not null,
    recorded_at          timestamptz not null,
    primary key (region, year)
);

-- every insert into the ledger takes the ledger's lock before its rows get their ids (a statement trigger fires before
-- any row is formed), so that ids follow commit order: what a cached ledger has not seen is exactly what lies above
-- the last id it replayed
create function market_movement_one_writer() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(30000030);
    return null;
end $$;
create trigger market_movement_one_writer before insert on market_movement
    for each statement execute function market_movement_one_writer();
