-- The explanation of a result is derived on demand from the filing and the factor set named in factor_sets.
alter table account_result alter column explanation drop not null;
-- the region and industry at the time of accounting, so the dashboard's cube needs no join
alter table account_result add column region char(6) references region (code);
alter table account_result add column industry varchar(4) references industry (code);
update account_result r set region = e.region, industry = e.industry from enterprise e where e.credit_code = r.enterprise;
alter table account_result alter column region set not null;
alter table account_result alter column industry set not null;
-- only the result of the standing (approved) version counts; superseded versions keep theirs for history
alter table account_result add column current boolean not null default true;
create index account_result_cube on account_result (period, region) where current;
create index account_result_enterprise on account_result (enterprise, period);
create index filing_enterprise_period on filing (enterprise, period);
create index filing_submitted on filing (status) where status = 'SUBMITTED';

-- the shipped reference library is a factor set like any other, so regions can name it
insert into factor_set (id, version, publication, content)
values ('peakline-reference', '2026.11.1', 'shipped with Peakline (docs/methodology.md)', '');
