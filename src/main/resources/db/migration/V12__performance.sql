-- Indexes for the queries of the weekly cycle at scale (docs/benchmark.md).
-- The roll-up's key deals: the largest open deals first (index walked backwards, closing date filtered).
create index ix_opportunity_open_amount on opportunity(status, amount);
-- A manager's roll-up looked up by cycle and manager (roll-up views, the cycle's next level).
create index ix_rollup_report_cycle on rollup_report(cycle_id, manager_id);
