-- Emulation clusters and blocks (cụm, khối thi đua, issue #24): a cluster is an agency of kind EMULATION_CLUSTER or
-- EMULATION_BLOCK (so milestones address it like any agency and its work has a business key of its own); its member
-- agencies, and its leading unit (đơn vị trưởng cụm) per year, who does the cluster's work that year.
create table emulation_cluster_member (
    cluster_code  varchar(64) not null references agency(code),
    agency_code   varchar(64) not null references agency(code),
    primary key (cluster_code, agency_code)
);
create index emulation_cluster_member_agency_idx on emulation_cluster_member(agency_code);

create table emulation_cluster_leader (
    cluster_code  varchar(64) not null references agency(code),
    leader_year   integer     not null,
    agency_code   varchar(64) not null references agency(code),
    primary key (cluster_code, leader_year)
);
