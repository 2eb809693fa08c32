-- Mail delivery of notices (issue #5). mail_status moves PENDING -> SENT, SKIPPED (no SMTP server configured, or no
-- officer of the agency has an address) or WITHDRAWN (a reminder whose task was done before its mail went out);
-- mail_note keeps the addresses it went to, or why it did not go.
alter table notification add column mail_note varchar(2000);

-- A notice goes to an agency; each of its officers reads it on their own
create table notification_read (
    notification_id  bigint       not null references notification(id),
    username         varchar(64)  not null,
    read_at          timestamp with time zone not null,
    primary key (notification_id, username)
);

-- Rows locked (select ... for update) to serialise start-up work that every node does, such as creating the Tasklist
-- filters: the engine's filter table has no unique name, so two nodes starting together would otherwise both create them
create table startup_lock (
    name  varchar(64) not null primary key
);
insert into startup_lock (name) values ('tasklist-filters');
