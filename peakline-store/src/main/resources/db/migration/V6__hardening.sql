-- Optimistic concurrency: every change of a filing (content or status) counts up its revision; a write names the
-- revision it started from and is refused when another came first.
alter table filing add column revision int not null default 1 check (revision >= 1);

-- Recompute jobs are persisted with their progress, so that a restart can say which one was interrupted.
create table recompute_job (
    id          bigint generated always as identity primary key,
    region      char(6) not null,
    started_by  text not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    status      text not null check (status in ('RUNNING', 'DONE', 'FAILED', 'INTERRUPTED')),
    total       int not null default 0,
    done        int not null default 0,
    message     text
);

-- Requests and messages refused before anyone is authenticated are counted, never stored verbatim.
create table refusal_count (
    day     date not null,
    channel text not null,
    reason  text not null,
    count   bigint not null,
    primary key (day, channel, reason)
);
