-- 数据质量控制计划: how an enterprise determines each datum of its account (MEE 发电设施 guideline and the NDRC
-- industry guidelines). Every save is a new version; earlier versions stay for the verifier and the audit log.
create table monitoring_plan (
    enterprise         char(18) not null references enterprise (credit_code),
    version            int not null check (version > 0),
    boundary           text not null,
    quality_assurance  text not null,
    saved_by           text not null,
    saved_at           timestamptz not null,
    primary key (enterprise, version)
);

create table monitoring_plan_item (
    enterprise   char(18) not null,
    version      int not null,
    line         int not null,
    parameter    text not null,
    method       text not null check (method in ('MEASURED', 'CALCULATED', 'ESTIMATED', 'DEFAULT')),
    instrument   text not null,
    accuracy     text not null,
    frequency    text not null,
    recording    text not null,
    missing      text not null,
    department   text not null,
    primary key (enterprise, version, line),
    foreign key (enterprise, version) references monitoring_plan (enterprise, version)
);
