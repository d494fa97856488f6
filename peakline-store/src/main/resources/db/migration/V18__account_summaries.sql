-- The dashboard's sums kept as the results change (issue 16), so that a view computed from the database reads a few
-- thousand summary rows instead of grouping every result: account_cube holds the current results summed per region ×
-- industry × month (results = enterprises with a result that month, one current result each), account_year per
-- enterprise × year (its sums and months, for the year's filers and largest emitters). Statement triggers on
-- account_result recompute exactly the cells and enterprise-years a statement touched, from account_result itself, in
-- the statement's transaction: whoever writes results (approval, recomputation, a move, a merge, COPY of the demo)
-- keeps the summaries equal to the sums of the results they summarise.

create table account_cube (
    region      char(6) not null,
    industry    varchar(4) not null,
    period      char(7) not null,
    combustion  double precision not null,
    process     double precision not null,
    electricity double precision not null,
    heat        double precision not null,
    energy      double precision not null,
    value_added double precision not null,
    results     int not null,
    primary key (period, region, industry)
);

create table account_year (
    enterprise  char(18) not null,
    year        char(4) not null,
    region      char(6) not null,
    industry    varchar(4) not null,
    total       double precision not null,
    energy      double precision not null,
    value_added double precision not null,
    months      int not null,
    process     double precision not null,
    primary key (enterprise, year, region, industry)
);
create index account_year_region on account_year (year, region);

-- recomputes the given cells (period || region || industry) and enterprise-years (enterprise || year) from the
-- current results, joining on the keys (hash joins: linear in the rows touched)
create function account_summaries_refresh(cells text[], years text[]) returns void language sql as $$
    delete from account_cube k using (select distinct left(c, 7) p, substr(c, 8, 6) r, substr(c, 14) i from unnest(cells) c) x
        where k.period = x.p and k.region = x.r and k.industry = x.i;
    insert into account_cube
        select a.region, a.industry, a.period, sum(a.combustion_tco2), sum(a.process_tco2), sum(a.electricity_tco2),
               sum(a.heat_tco2), sum(a.energy_tce), coalesce(sum(a.value_added), 0), count(*)
        from account_result a
        join (select distinct left(c, 7) p, substr(c, 8, 6) r, substr(c, 14) i from unnest(cells) c) x
          on a.period = x.p and a.region = x.r and a.industry = x.i
        where a.current
        group by a.region, a.industry, a.period
    on conflict (period, region, industry) do update set combustion = excluded.combustion,
        process = excluded.process, electricity = excluded.electricity, heat = excluded.heat,
        energy = excluded.energy, value_added = excluded.value_added, results = excluded.results;
    delete from account_year k using (select distinct left(y, 18) e, right(y, 4) yr from unnest(years) y) x
        where k.enterprise = x.e and k.year = x.yr;
    insert into account_year
        select a.enterprise, left(a.period, 4), a.region, a.industry, sum(a.total_tco2), sum(a.energy_tce),
               coalesce(sum(a.value_added), 0), count(*), sum(a.process_tco2)
        from account_result a
        join (select distinct left(y, 18) e, right(y, 4) yr from unnest(years) y) x
          on a.enterprise = x.e and a.period between x.yr || '-01' and x.yr || '-12'
        where a.current
        group by a.enterprise, left(a.period, 4), a.region, a.industry
    on conflict (enterprise, year, region, industry) do update set total = excluded.total,
        energy = excluded.energy, value_added = excluded.value_added, months = excluded.months,
        process = excluded.process;
$$;

-- what a transaction touched, one row per statement (its keys as arrays), refreshed once when it commits: a
-- recomputation updates results one statement each, the demo's COPY inserts tens of thousands in one
create unlogged table account_dirty (txid bigint not null, cells text[] not null, years text[] not null);
create index account_dirty_txid on account_dirty (txid);

create function account_summaries_insert() returns trigger language plpgsql as $$
begin
    insert into account_dirty values (txid_current(),
        array(select distinct period || region || industry from new_rows),
        array(select distinct enterprise || left(period, 4) from new_rows));
    return null;
end $$;

create function account_summaries_update() returns trigger language plpgsql as $$
begin
    insert into account_dirty values (txid_current(),
        array(select period || region || industry from new_rows union select period || region || industry from old_rows),
        array(select enterprise || left(period, 4) from new_rows union select enterprise || left(period, 4) from old_rows));
    return null;
end $$;

create function account_summaries_delete() returns trigger language plpgsql as $$
begin
    insert into account_dirty values (txid_current(),
        array(select distinct period || region || industry from old_rows),
        array(select distinct enterprise || left(period, 4) from old_rows));
    return null;
end $$;

-- at commit: the first of the transaction's deferred calls takes every key it touched and refreshes them; the
-- others find nothing left
create function account_summaries_flush() returns trigger language plpgsql as $$
declare
    touched text[];
    touched_years text[];
begin
    with taken as (delete from account_dirty d where d.txid = txid_current() returning d.cells, d.years)
    select array(select distinct c from taken, unnest(taken.cells) c), array(select distinct y from taken, unnest(taken.years) y)
    into touched, touched_years;
    if cardinality(touched) > 0 or cardinality(touched_years) > 0 then
        perform account_summaries_refresh(touched, touched_years);
    end if;
    return null;
end $$;

create trigger account_summaries_insert after insert on account_result
    referencing new table as new_rows for each statement execute function account_summaries_insert();
create trigger account_summaries_update after update on account_result
    referencing old table as old_rows new table as new_rows for each statement execute function account_summaries_update();
create trigger account_summaries_delete after delete on account_result
    referencing old table as old_rows for each statement execute function account_summaries_delete();
create constraint trigger account_summaries_flush after insert on account_dirty
    deferrable initially deferred for each row execute function account_summaries_flush();

-- what is there already
insert into account_cube
    select region, industry, period, sum(combustion_tco2), sum(process_tco2), sum(electricity_tco2), sum(heat_tco2),
           sum(energy_tce), coalesce(sum(value_added), 0), count(*)
    from account_result where current group by region, industry, period;
insert into account_year
    select enterprise, left(period, 4), region, industry, sum(total_tco2), sum(energy_tce), coalesce(sum(value_added), 0),
           count(*), sum(process_tco2)
    from account_result where current group by enterprise, left(period, 4), region, industry;

-- a month's largest emitters read from the index alone (the results' rows are wide: the explanation travels with them)
create index account_result_month on account_result (period, region)
    include (enterprise, industry, total_tco2, energy_tce, value_added, process_tco2) where current;
