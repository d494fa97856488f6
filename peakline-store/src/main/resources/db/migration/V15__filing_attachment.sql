-- Supporting documents of a filing version (settlement statements, meter photos, invoices): kept with the version,
-- added and removed only while it is a draft or returned, read by its verifier.
create table filing_attachment (
    id            bigint generated always as identity primary key,
    filing_id     bigint not null references filing (id),
    name          text not null check (length(name) between 1 and 200),
    size          int not null check (size > 0),
    content       bytea not null,
    uploaded_by   text not null,
    uploaded_at   timestamptz not null,
    removed_at    timestamptz
);
create index filing_attachment_filing on filing_attachment (filing_id);
