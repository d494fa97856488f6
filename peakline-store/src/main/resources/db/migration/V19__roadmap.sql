-- C9 碳达峰路线图: a region's scenarios, each save a new version (never overwritten), with who saved it and why
create table roadmap (
    region      char(6) not null references region (code),
    version     int not null check (version > 0),
    base_year   int not null check (base_year between 1990 and 2100),
    to_year     int not null check (to_year > base_year and to_year <= 2060),
    scenarios   jsonb not null,
    note        text not null default '',
    created_at  timestamptz not null,
    created_by  text not null,
    primary key (region, version)
);
