create table if not exists bare_campaign (code varchar(255) primary key, registered_at varchar(64));
create table if not exists bare_participation (campaign_code varchar(255), unit varchar(64),
    process_instance_id varchar(64) not null, primary key (campaign_code, unit));
create table if not exists bare_unit_milestone (dedupe_key varchar(500) primary key, issued_at varchar(64),
    completed_at varchar(64), overdue_at varchar(64), document_number varchar(64));
create table if not exists bare_notice (id bigserial primary key, dedupe_key varchar(500) not null unique,
    recipient_group varchar(64), created_at varchar(64));
