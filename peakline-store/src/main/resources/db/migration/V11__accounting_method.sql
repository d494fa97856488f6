-- The accounting method the server accounts with (electricity basis, 当量值/等价值, GWP set, non-CO2 from combustion),
-- as AccountingOptions.summary() writes it. A server started with another method recomputes every current result and
-- records the change in the audit log.
create table accounting_method (
    id          int primary key check (id = 1),
    summary     text not null,
    changed_at  timestamptz not null
);
