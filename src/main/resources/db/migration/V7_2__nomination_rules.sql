-- A unit nominates a nominee once per award form and round (issue #25, point 9). nominated_key is the dossier's
-- nominee_key while the dossier holds that nomination; the constraint keeps a second one out even when two requests
-- race. Copies units made before the rule keep a null key (nulls never clash): they stay, for the Board to settle.
alter table award_dossier add column nominated_key varchar(200);
update award_dossier set nominated_key = nominee_key where not exists (select 1 from award_dossier o
    where o.campaign_code = award_dossier.campaign_code and o.round_key = award_dossier.round_key
    and o.award_form = award_dossier.award_form and o.proposing_agency = award_dossier.proposing_agency
    and o.nominee_key = award_dossier.nominee_key
    and o.id < award_dossier.id);
alter table award_dossier add constraint award_dossier_nominated_once
    unique (campaign_code, round_key, award_form, proposing_agency, nominated_key);

-- An advisory quota passed over by the vetting officer (issue #25, point 1): the written reason, printed in the
-- nominee list and the decision's annex, and who gave it
alter table award_dossier add column quota_override_reason varchar(1000);
alter table award_dossier add column quota_override_by varchar(64);
