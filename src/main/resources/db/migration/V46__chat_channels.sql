-- Issue 17: the chat robot of a team (WeCom, DingTalk or Feishu group robot), set by an administrator, and how
-- each person wants to be told (MAIL, CHAT or BOTH; no row = MAIL).
create table chat_channel (
    team_id      varchar(64)  primary key,      -- the manager who leads the team (person id)
    kind         varchar(10)  not null,         -- WECOM, DINGTALK, FEISHU
    webhook_url  varchar(500) not null,
    secret       varchar(200),                  -- the signing secret (DingTalk, Feishu); null for WeCom
    updated_at   timestamp    not null,
    updated_by   varchar(64)  not null
);

create table notification_preference (
    person_id    varchar(64)  primary key,
    channels     varchar(5)   not null,         -- MAIL, CHAT, BOTH
    updated_at   timestamp    not null,
    updated_by   varchar(64)  not null
);
