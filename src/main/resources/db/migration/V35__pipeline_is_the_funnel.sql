-- Issue 12: open out-of-funnel (small) deals are no pipeline: snapshots copy the funnel's open deals only.
-- Lines of such deals in snapshots taken before are removed, so a snapshot and the live pipeline it is
-- compared with (weekly progress, growth, what changed) count the same deals.
delete from pipeline_snapshot_line
where opportunity_id in (select id from opportunity where in_funnel = false);
