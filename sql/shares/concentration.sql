--- summary  How concentrated exports are: the top 1, 5 and 10 provinces' share and the Herfindahl-Hirschman index
--- detail   Shares are of the published national total when a release gave one, else of the sum of the provinces with data (share_of). hhi is the sum of the squared percent shares of the provinces with data (0 to 10,000); on an incomplete panel it is a lower bound over the provinces with data and complete is false.
--- returns  top1_pct double, top5_pct double, top10_pct double, hhi double, panel bigint, complete boolean, share_of text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
WITH d AS (FROM period_denominator($year, $month, $period, $basis)),
shares AS (
    SELECT 100 * v.value_usd / d.total_usd AS share_pct,
           row_number() OVER (ORDER BY v.value_usd DESC) AS position
    FROM province_values($year, $month, $period, $basis) v, d
)
SELECT round(sum(share_pct) FILTER (WHERE position <= 1), 2)::DOUBLE AS top1_pct,
       round(sum(share_pct) FILTER (WHERE position <= 5), 2)::DOUBLE AS top5_pct,
       round(sum(share_pct) FILTER (WHERE position <= 10), 2)::DOUBLE AS top10_pct,
       round(sum(share_pct * share_pct), 1)::DOUBLE AS hhi,
       (SELECT panel FROM d) AS panel,
       (SELECT panel FROM d) = 81 AS complete,
       (SELECT share_of FROM d) AS share_of
FROM shares
