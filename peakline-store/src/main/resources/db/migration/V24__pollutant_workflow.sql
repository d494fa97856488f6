-- Issue 18: pollutant months go through the same workflow as energy: filed as a draft, submitted, approved by the
-- enterprise's verifier (then locked) or returned with a comment; only approved months count in regions' views
create table pollutant_month (
    enterprise    char(18) not null references enterprise (credit_code),
    period        char(7) not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    status        text not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED')),
    comment       text,
    submitted_at  timestamptz,
    submitted_by  text,
    decided_at    timestamptz,
    decided_by    text,
    primary key (enterprise, period)
);
create index pollutant_month_waiting on pollutant_month (status) where status = 'SUBMITTED';
insert into pollutant_month (enterprise, period, status)
    select distinct enterprise, period, 'DRAFT' from pollutant_emission;

-- the coefficient method's basis (产污系数法): activity × coefficient × (1 − η × k), kept with the result
alter table pollutant_emission
    add column activity double precision check (activity is null or activity >= 0),
    add column coefficient double precision check (coefficient is null or coefficient >= 0),
    add column removal double precision check (removal is null or removal between 0 and 1),
    add column operating_rate double precision check (operating_rate is null or operating_rate between 0 and 1);

-- a measure's typical cut of air pollution equivalents, beside its energy and CO2 savings: which measures cut both
alter table measure
    add column pollutant_saving_pct double precision
        check (pollutant_saving_pct is null or pollutant_saving_pct between 0 and 100);
