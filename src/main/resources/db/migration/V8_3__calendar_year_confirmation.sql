-- Whether a year's working calendar is confirmed: the Prime Minister's decisions for it (Tết days, swaps, worked
-- Saturdays) are entered. Without a row, a year the official calendar file gives as announced is confirmed and any
-- other year (its holidays computed by the statutory rules, or a file year still estimated) is not. Campaigns
-- reaching an unconfirmed year are launched with a warning.
create table calendar_year (
    calendar_year  integer      not null primary key,
    confirmed      boolean      not null,
    source         varchar(255),
    updated_at     timestamp with time zone not null,
    updated_by     varchar(64)  not null
);
