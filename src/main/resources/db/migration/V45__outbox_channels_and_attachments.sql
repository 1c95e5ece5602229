-- Issue 17: one outbox row per delivery, on its channel. MAIL as before (now with an optional attachment:
-- the iCalendar invite of a meeting), or one of the chat robots (WECOM, DINGTALK, FEISHU) of the team in
-- chat_team (the team's manager id); the robot's address and secret are read from chat_channel when the row
-- is delivered, never copied into the outbox.
alter table outbox_message add column channel varchar(10) default 'MAIL' not null;
alter table outbox_message add column chat_team varchar(64);
alter table outbox_message add column attachment_name varchar(100);
alter table outbox_message add column attachment_type varchar(100);
alter table outbox_message add column attachment varchar(60000);
