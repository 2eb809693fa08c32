-- Pilot units (đơn vị làm điểm, issue #24): a department or district registers 1-2 named units of the directory for a
-- campaign's pilot-unit milestone; the Board and the standing agency read them. One row per registered unit.
create table pilot_unit (
    campaign_code   varchar(64) not null,
    milestone_key   varchar(64) not null,
    registered_by_agency varchar(64) not null references agency(code),
    agency_code     varchar(64) not null references agency(code),
    registered_at   timestamp with time zone not null,
    registered_by   varchar(64),
    primary key (campaign_code, milestone_key, registered_by_agency, agency_code),
    foreign key (campaign_code, milestone_key) references campaign_milestone(campaign_code, milestone_key)
);
