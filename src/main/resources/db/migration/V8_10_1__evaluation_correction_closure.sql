-- A correction request still open when the Board closes its campaign is closed with the Board's reason (issue #25,
-- point 5: nothing stays open under a closed campaign); the request keeps who closed it, when and why.
alter table evaluation_correction add column closed_reason varchar(2000);
alter table evaluation_correction add column closed_at timestamp with time zone;
alter table evaluation_correction add column closed_by varchar(64);
