-- Issue 19: a group's ownership (its root an enterprise on the platform) and the annual carbon disclosures it chose
-- to publish, each kept as the report it was when published
create table ownership (
    root      char(18) not null references enterprise (credit_code),
    line      int not null,
    parent    text not null,
    entity    text not null check (length(entity) between 1 and 100),
    share     double precision not null,
    control   text not null,
    filed_at  timestamptz not null,
    filed_by  text not null,
    primary key (root, line)
);

create table disclosure_publication (
    id            bigint generated always as identity primary key,
    enterprise    char(18) not null references enterprise (credit_code),
    year          int not null,
    approach      text not null,
    base_year     int not null,
    report        text not null,
    published_at  timestamptz not null,
    published_by  text not null,
    withdrawn_at  timestamptz
);
create unique index disclosure_one_published on disclosure_publication (enterprise, year) where withdrawn_at is null;
