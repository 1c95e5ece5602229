-- Lookups by account (a deal's or lead's account, an account's owner) had no index: the account page, the
-- visibility check of a lead on an account and the import's matching each scanned the whole table.
create index ix_opportunity_account on opportunity(account_id);
create index ix_lead_account on lead(account_id);
create index ix_account_owner on account(owner_id);
