-- Issue 24.2: a running campaign is amended by the Board's guidance dispatches. Each amendment is a numbered version
-- of the campaign's definition (the uploaded one is version 1): its dispatch number and reason, what it changed (the
-- request as sent) and the definition it leaves (changed by an added milestone or round, else the previous one).
create table campaign_definition_version (
    campaign_code    varchar(64)   not null references campaign(code),
    version          integer       not null,
    kind             varchar(32)   not null,
    dispatch_number  varchar(64),
    reason           varchar(2000),
    amendment        varchar(65536),
    content          varchar(1048576) not null,
    created_at       timestamp with time zone not null,
    created_by       varchar(64),
    primary key (campaign_code, version)
);
insert into campaign_definition_version (campaign_code, version, kind, content, created_at, created_by)
    select c.code, 1, 'UPLOAD', d.content, c.launched_at, c.launched_by
    from campaign c join campaign_definition d on d.code = c.code;

-- The version in force; an amendment moves it from the version its author read, so two amendments written from the
-- same version cannot both pass (the second is refused with 409 and changes nothing).
alter table campaign add column definition_version integer not null default 1;

-- The version each unit's milestone was issued under, or last amended under (deadline extended, ended); why an open
-- one was ended without being done (milestone cancelled, unit withdrawn): nothing done is deleted.
alter table unit_milestone add column definition_version integer not null default 1;
alter table unit_milestone add column ended_at timestamp with time zone;
alter table unit_milestone add column end_reason varchar(2000);

-- A cancelled milestone is issued to nobody more; a withdrawn unit is given no more work.
alter table campaign_milestone add column cancelled_at timestamp with time zone;
alter table campaign_participant add column withdrawn_at timestamp with time zone;
alter table campaign_participant add column withdrawal_reason varchar(2000);
