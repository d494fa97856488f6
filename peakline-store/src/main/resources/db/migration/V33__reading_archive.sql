-- months of readings moved out of PostgreSQL into a verified Parquet archive (./peakline archive --readings --drop);
-- their day roll-ups stay in meter_day, and the ingest refuses new readings for them
create table reading_archive (
    month        char(7) primary key check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    directory    text not null,
    readings     bigint not null check (readings >= 0),
    archived_at  timestamptz not null,
    archived_by  text not null
);
