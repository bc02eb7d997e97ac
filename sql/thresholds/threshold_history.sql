--- summary  The number of provinces over a threshold, year by year
--- detail   For each year from from_year to to_year, the provinces whose value for the period (ytd ending at month, or the full year) is at or above threshold: computed_count counts those with a value, panel how many have one (a count is complete only at 81). published_count is the number a release stated (for 1 billion USD), with its source.
--- returns  year int, computed_count bigint, panel bigint, complete boolean, published_count bigint, published_source text
--- param    from_year  int 2000..2100                         the first year
--- param    to_year    int 2000..2100                         the last year
--- param    month      int 1..12 = 12                         the last month of each period (ignored for year)
--- param    threshold  decimal = 1000000000                   the value in USD
--- param    period     one_of(ytd, year) = year               year-to-date or calendar year
--- param    basis      one_of(activity, registered) = activity  province of activity or of registration
--- example  from_year=2023 to_year=2025
--- example  from_year=2024 to_year=2026 month=2 period=ytd
WITH years AS (SELECT range::INTEGER AS year FROM range($from_year, $to_year + 1)),
counts AS (
    SELECT y.year,
           count(v.province_code) FILTER (WHERE v.value_usd >= $threshold) AS computed_count,
           count(v.province_code) AS panel
    FROM years y LEFT JOIN LATERAL (FROM province_values(y.year, $month, $period, $basis)) v ON true
    GROUP BY y.year
)
SELECT c.year, c.computed_count, c.panel, c.panel = 81 AS complete, pub.value::BIGINT AS published_count, pub.source_url AS published_source
FROM counts c
LEFT JOIN LATERAL (
    FROM published_national(c.year, period_last_month($period, $month), $period, $basis, 'provinces_over_1b')
) pub ON $threshold = 1000000000
ORDER BY c.year
