-- Issue 12: a Salesforce export's files have longer kind names (salesforce_opportunity_field_history), and one import may
-- hold several of them with other files.
alter table import_problem alter column kind set data type varchar(60);
alter table import_job alter column kinds set data type varchar(400);
