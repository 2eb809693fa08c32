-- Decision tables a campaign's Board uploads through the product (issue #24, section 1): the engine keeps the DMN and
-- numbers its versions; this table keeps which campaign a version belongs to, who uploaded it and from which file,
-- which the engine's deployment does not record. One row per uploaded version of a decision.
create table campaign_decision (
    decision_key    varchar(255)  not null,
    version         integer       not null,
    campaign_code   varchar(64)   not null references campaign_definition(code),
    decision_name   varchar(500),
    deployment_id   varchar(64)   not null,
    file_name       varchar(255),
    uploaded_at     timestamp with time zone not null,
    uploaded_by     varchar(64)   not null,
    primary key (decision_key, version)
);
create index campaign_decision_campaign on campaign_decision (campaign_code);
