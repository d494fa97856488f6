-- what a recomputation changed (issue 15): why nothing changed, or per region how many results and by how much
alter table recompute_job add column outcome text check (outcome is null or outcome in ('NO_RESULTS', 'SAME_SETS', 'SAME_VALUES', 'CHANGED'));

create table recompute_change (
    job_id        bigint not null references recompute_job (id) on delete cascade,
    region        char(6) not null,
    results       int not null check (results >= 0),
    changed       int not null check (changed >= 0 and changed <= results),
    scope1_before double precision not null,
    scope1_after  double precision not null,
    scope2_before double precision not null,
    scope2_after  double precision not null,
    primary key (job_id, region)
);
