-- Issue 18: a renovation plan (改造计划) may carry out a measure of the library (节能降碳技术库)
alter table renovation_plan add column measure_id bigint references measure (id);
