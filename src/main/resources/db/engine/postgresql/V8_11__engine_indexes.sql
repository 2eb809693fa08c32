-- Indexes of the product's own on engine tables (engine/EngineSchemaMigrations runs this once the engine has created
-- its tables). "if not exists": a node of an earlier version created them at each start.

-- Every authorization check looks for rows of the user or of the user's groups; the engine indexes only the group id
-- (engine/AuthorizationCheckTuning).
create index if not exists THIDUA_IDX_AUTH_USER on ACT_RU_AUTHORIZATION (USER_ID_);

-- The job executor takes the oldest due jobs it may run, and skips those in progress (engine/JobAcquisitionTuning).
create index if not exists THIDUA_IDX_JOB_DUE on ACT_RU_JOB (DUEDATE_) where RETRIES_ > 0 and SUSPENSION_STATE_ = 1;
create index if not exists THIDUA_IDX_JOB_LOCKED on ACT_RU_JOB (LOCK_EXP_TIME_) where LOCK_OWNER_ is not null;
