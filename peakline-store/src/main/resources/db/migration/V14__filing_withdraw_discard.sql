-- A draft or returned version can be discarded (kept, with its lines and audit trail, as DISCARDED); the month is then
-- open for a new version.
alter table filing drop constraint filing_status_check;
alter table filing add constraint filing_status_check
    check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'SUPERSEDED', 'DISCARDED'));
