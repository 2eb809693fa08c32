-- The standing agency's submission of a vetted dossier to the provincial People's Committee through the provincial
-- public-service portal (issue #25, point 4; seed 000: "trước ngày 20/12/2024"): the receipt number and date the portal
-- gave, and who recorded it. The Board's completeness check and appraisal count from this submission. One row per
-- dossier: a dossier returned by the Board and vetted again is submitted again, and its history keeps every receipt.
create table dossier_portal_submission (
    dossier_id      bigint        not null primary key references award_dossier(id),
    receipt_number  varchar(64)   not null,
    receipt_date    date          not null,
    recorded_at     timestamp with time zone not null,
    recorded_by     varchar(64)   not null
);
