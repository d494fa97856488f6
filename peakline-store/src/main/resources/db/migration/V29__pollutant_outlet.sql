-- Issue 29: an enterprise's numbered outlets (排放口) as its 排污许可证 lists them (HJ 608 编码: DA… 废气, DW… 废水),
-- with the pollutants permitted there and their permitted quantities; filed pollutants name their outlet, and each
-- numbered outlet is taxed on its own (环境保护税法 art. 9). Lines without a number keep outlet_id '' (one outlet per
-- medium, as before).
create table pollutant_outlet (
    enterprise       char(18) not null references enterprise (credit_code) on update cascade,
    outlet_id        text not null check (outlet_id ~ '^D[AW][0-9]{3}$'),
    medium           text not null check (medium in ('air', 'water')),
    name             text not null default '',
    facility         bigint references facility (id),
    height_m         double precision check (height_m is null or (height_m > 0 and height_m <= 400)),
    receiving_water  text,
    status           text not null default 'ACTIVE' check (status in ('ACTIVE', 'CLOSED')),
    registered_at    timestamptz not null,
    registered_by    text not null,
    primary key (enterprise, outlet_id),
    check ((medium = 'air') = (outlet_id like 'DA%'))
);
create table pollutant_outlet_permit (
    enterprise      char(18) not null,
    outlet_id       text not null,
    pollutant       text not null,
    permitted_t     double precision check (permitted_t is null or permitted_t >= 0),
    primary key (enterprise, outlet_id, pollutant),
    foreign key (enterprise, outlet_id) references pollutant_outlet (enterprise, outlet_id)
        on update cascade on delete cascade
);

-- the outlet's number on each line, and the level of the water special items (pH, or colour's exceedance multiple);
-- for those items kg holds the sewage discharged in t
alter table pollutant_emission
    add column outlet_id text not null default '',
    add column level double precision check (level is null or (level >= 0 and level <= 1e9));
alter table pollutant_emission drop constraint pollutant_emission_pkey;
alter table pollutant_emission add primary key (enterprise, period, outlet, outlet_id, pollutant);
