-- Issue 19: product carbon footprints from an enterprise's approved accounts (cradle to gate), the allocation chosen
-- and the purchased inputs with their declared footprints, kept with the result
create table product_footprint (
    id             bigint generated always as identity primary key,
    enterprise     char(18) not null references enterprise (credit_code),
    product        text not null check (length(product) between 1 and 100),
    year           int not null,
    output         double precision not null check (output > 0),
    unit           text not null,
    allocation     text not null check (allocation in ('mass', 'economic', 'physical')),
    basis          text not null,
    share          double precision not null check (share > 0 and share <= 1),
    inputs         text not null,
    kg_per_unit    double precision not null,
    contributions  text not null,
    primary_share  double precision not null,
    created_at     timestamptz not null,
    created_by     text not null
);
create index product_footprint_enterprise on product_footprint (enterprise, year);
