-- Issue 18: the sink inventory of regions by year and pool, each row with its method, coefficients and removals
-- (tCO2, negative); shown beside the region's emissions, never netted in their place
create table sink_inventory (
    region      char(6) not null references region (code),
    year        int not null check (year between 1949 and 2100),
    line        int not null,
    pool        text not null,
    method      text not null,
    inputs      jsonb not null,
    removals    double precision not null,
    filed_at    timestamptz not null,
    filed_by    text not null,
    primary key (region, year, line)
);
