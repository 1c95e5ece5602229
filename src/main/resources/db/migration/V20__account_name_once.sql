-- Issue 18: an account name exists once, compared without case and surrounding blanks (AccountService.nameKey),
-- so two imports of the same file at once, or two people entering the same customer, cannot store it twice.
alter table account add column name_key varchar(240);
update account set name_key = lower(trim(name));
-- accounts stored twice before this rule keep their names; each later copy gets a key of its own
update account set name_key = name_key || '#' || id
 where exists (select 1 from account earlier where lower(trim(earlier.name)) = account.name_key and earlier.id < account.id);
alter table account alter column name_key set not null;
alter table account add constraint uk_account_name_key unique (name_key);

-- One row every import locks while it validates and stores (ImportLock): imports of the whole cluster store
-- one after another, each validated against what the one before stored.
create table import_lock (
    name varchar(32) primary key
);
insert into import_lock (name) values ('import');
