-- Issue 18: air and water pollutant emissions per enterprise, month, outlet and pollutant (kg), beside CO2; the
-- pollutant is the code of the 环境保护税法 table shipped with the platform
create table pollutant_emission (
    enterprise  char(18) not null references enterprise (credit_code),
    period      char(7) not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    outlet      text not null check (outlet in ('air', 'water')),
    pollutant   text not null,
    kg          double precision not null check (kg >= 0),
    method      text not null check (method in ('MEASURED', 'COEFFICIENT', 'MASS_BALANCE')),
    filed_at    timestamptz not null,
    filed_by    text not null,
    primary key (enterprise, period, outlet, pollutant)
);
create index pollutant_emission_period on pollutant_emission (period);
