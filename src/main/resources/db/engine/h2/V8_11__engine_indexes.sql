-- The PostgreSQL migration's indexes (db/engine/postgresql) for the demo's H2, which has no partial indexes: plain
-- ones on the same columns.
create index if not exists THIDUA_IDX_AUTH_USER on ACT_RU_AUTHORIZATION (USER_ID_);
create index if not exists THIDUA_IDX_JOB_DUE on ACT_RU_JOB (DUEDATE_);
create index if not exists THIDUA_IDX_JOB_LOCKED on ACT_RU_JOB (LOCK_EXP_TIME_);
