-- Notices are mailed in batches (issue #23): one notice-mail instance per batch of up to app.mail.batch-size notices
-- recorded together, instead of one per notice. mail_batch is that instance's business key; its send step loads the
-- batch's PENDING notices through the index. Notices recorded before this migration keep it null: their old-shape
-- mail instances find them by id. mail_status gains FAILED (the server refused the mail for good, e.g. a bad address).
alter table notification add column mail_batch varchar(36);
create index notification_batch_idx on notification(mail_batch);
