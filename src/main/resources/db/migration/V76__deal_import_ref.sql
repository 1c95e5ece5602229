-- Issue 12: the reference a deal had in the file (or Salesforce export) it was imported from, lower case, so that a
-- later import's orders and payments can name a won deal imported before by that reference (else by its name).
alter table opportunity add column import_ref varchar(200);
create index ix_opportunity_import_ref on opportunity(import_ref);
