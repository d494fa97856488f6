-- C9: roadmaps of an industry within a region (its history from the enterprises' accounts), beside the region's own
-- ('' for the region as a whole)
alter table roadmap add column industry varchar(4) not null default '';
alter table roadmap drop constraint roadmap_pkey;
alter table roadmap add primary key (region, industry, version);
