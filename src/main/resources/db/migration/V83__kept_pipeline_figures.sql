-- Issue 15 item 3: the pipeline's figures kept ahead of time for the roll-up (pipeline/KeptFigures).
-- UNWEIGHTED amount sums, sums of amount x the claimed probability (percent, for the "claimed" forecast method) and
-- deal counts per owner, status, funnel flag, stage model and stage, currency and close
-- date bucket; the stage's win rate is applied when the figures are read, never stored. Each deal counts once at day
-- grain ('D': its day) and once at month grain ('M': the first day of its month): a period of days is read as its
-- whole months from 'M' rows and the days at its edges from 'D' rows, exact for any [from, to) of days.
-- The bucket's day: the expected close date of an open deal, the day of closed_at of a won or lost one
-- (1900-01-01 when a closed deal has no closed_at: in no period the roll-up reads, as before).
-- Kept current in the transaction of every write to opportunity (KeptFigures.added / change), rebuilt from scratch
-- by KeptFigures.rebuild (the same two statements as below).
create table pipeline_figure (
    grain        char(1)       not null,
    bucket       date          not null,
    status       varchar(10)   not null,
    in_funnel    boolean       not null,
    owner_id     varchar(64)   not null,
    stage_model  varchar(40)   not null,
    stage_code   varchar(40)   not null,
    currency     varchar(3)    not null,
    amount       numeric(24,2) not null,
    claimed      numeric(30,2) not null,
    deals        bigint        not null,
    primary key (grain, status, in_funnel, bucket, owner_id, stage_model, stage_code, currency)
);
create index ix_pipeline_figure_owner on pipeline_figure(owner_id, grain, status, bucket);
-- the top-level roll-up reads everyone's buckets of a range of days or months (PipelineFigures.byOwner)
create index ix_pipeline_figure_bucket on pipeline_figure(grain, bucket);
-- the roll-up's orders (won this quarter before the call's week, with their unpaid part) by close time, not a scan
create index ix_opportunity_status_closed on opportunity(status, closed_at);

insert into pipeline_figure (grain, bucket, status, in_funnel, owner_id, stage_model, stage_code, currency, amount, claimed, deals)
select 'D', fig_day, status, in_funnel, owner_id, stage_model, stage_code, currency, sum(amount), sum(amount * probability), count(*)
from (select case when status = 'OPEN' then expected_close_date
                  else coalesce(cast(closed_at as date), date '1900-01-01') end as fig_day,
             status, in_funnel, owner_id, stage_model, stage_code, currency, amount, probability from opportunity) o
group by fig_day, status, in_funnel, owner_id, stage_model, stage_code, currency;
insert into pipeline_figure (grain, bucket, status, in_funnel, owner_id, stage_model, stage_code, currency, amount, claimed, deals)
select 'M', cast(date_trunc('month', bucket) as date), status, in_funnel, owner_id, stage_model, stage_code, currency, sum(amount), sum(claimed), sum(deals)
from pipeline_figure where grain = 'D'
group by cast(date_trunc('month', bucket) as date), status, in_funnel, owner_id, stage_model, stage_code, currency;
