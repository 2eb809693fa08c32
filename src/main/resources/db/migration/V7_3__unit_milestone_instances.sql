-- The lean campaign model (issue #23): each unit's milestone is its own `unit-milestone` process instance, business
-- key <campaign>/<milestone>/<agency>; closing a campaign ends the open ones by these ids. The campaign's reminder
-- timers remind the units not done in batches; reminded_days is the last reminder (working days before the deadline)
-- a unit was given, so a repeated batch skips the units it reminded already. Units of campaigns launched before keep
-- both empty: their milestones live in their `unit-participation` instance (campaign_participant.process_instance_id).
alter table unit_milestone add column process_instance_id varchar(64);
alter table unit_milestone add column reminded_days integer;

-- A milestone addressed to every participating unit (most are) keeps no addressee row per unit: at a launch to
-- thousands of units those rows were a tenth of what the launch wrote. Milestones of earlier campaigns keep theirs.
alter table campaign_milestone add column to_all_participants boolean not null default false;
