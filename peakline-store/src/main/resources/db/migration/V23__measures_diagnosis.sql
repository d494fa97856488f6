-- Issue 18: the library of energy-saving and low-carbon measures (节能降碳技术库), each with its source, and energy
-- diagnoses (节能诊断) of enterprises: a finding, the measure recommended, the expected saving, when it was carried out
create table measure (
    id                 bigint generated always as identity primary key,
    name               text not null check (length(name) between 1 and 200),
    product            text,
    industry           varchar(4) references industry (code),
    equipment          text not null default '',
    energy_saving_pct  double precision check (energy_saving_pct is null or energy_saving_pct between 0 and 100),
    co2_saving_pct     double precision check (co2_saving_pct is null or co2_saving_pct between 0 and 100),
    pollutant_note     text not null default '',
    cost_10k_yuan      double precision check (cost_10k_yuan is null or cost_10k_yuan >= 0),
    payback_years      double precision check (payback_years is null or payback_years >= 0),
    source             text not null check (length(source) between 1 and 300),
    created_at         timestamptz not null,
    created_by         text not null
);

create table diagnosis (
    id                   bigint generated always as identity primary key,
    enterprise           char(18) not null references enterprise (credit_code),
    diagnosed_on         date not null,
    findings             text not null check (length(findings) between 1 and 2000),
    measure_id           bigint references measure (id),
    expected_saving_tce  double precision check (expected_saving_tce is null or expected_saving_tce >= 0),
    implemented_on       date,
    created_at           timestamptz not null,
    created_by           text not null
);
create index diagnosis_enterprise on diagnosis (enterprise);
