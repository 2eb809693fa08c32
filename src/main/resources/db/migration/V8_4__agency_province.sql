-- The province an agency belongs to: the province of the directory file that loaded it, or of its parent. Campaigns
-- select participants by kind only within their own province. Agencies loaded before this column are given their
-- province at start-up (the directory file's, then their parent's).
alter table agency add column province varchar(255);
create index agency_province_idx on agency(province);
