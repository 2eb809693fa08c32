-- The official working calendar. Only days that differ from the weekly rule (Monday to Friday work, weekend off)
-- are stored: days off on weekdays and weekend days listed with a holiday block (HOLIDAY, SUBSTITUTE, BRIDGE), and
-- weekend days made working days (WORKING_DAY). Seeded from calendar/vn-official-calendar.yaml at start-up and
-- maintained by the administrator through /api/calendar.
create table calendar_day (
    day_date    date         not null primary key,
    kind        varchar(16)  not null,
    name        varchar(255) not null,
    status      varchar(32),
    source      varchar(255),
    -- An administrator's deletion is kept as a marker, so that the next start-up does not seed the day again
    deleted     boolean      not null default false,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(64),
    constraint calendar_day_kind_check check (kind in ('HOLIDAY', 'SUBSTITUTE', 'BRIDGE', 'WORKING_DAY'))
);

-- One row, incremented in the same transaction as every change to calendar_day. Every node keeps the calendar in
-- memory and reloads it when this number moves: unlike timestamps, it cannot go backwards with clock skew between
-- nodes or with transactions committing out of order, because the row lock serialises the increments.
create table calendar_revision (
    id        integer not null primary key,
    revision  bigint  not null
);
insert into calendar_revision (id, revision) values (1, 0);
