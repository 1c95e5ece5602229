-- Issue 15 item 3 (first-line views): a team's key deals (the largest open funnel deals closing this month) read per
-- owner from the top of this index, a few rows each (PipelineFigures.largestOpen), instead of every open deal of the
-- team through (owner_id, status, expected_close_date) and a sort.
create index ix_opportunity_owner_open_amount on opportunity(owner_id, status, in_funnel, amount);
