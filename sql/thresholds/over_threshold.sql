--- summary  Provinces at or above an export value in a period (default: 1 billion USD year-to-date)
--- detail   Lists the provinces with a value for the period at or above threshold, ranked, ties sharing a rank. On an incomplete panel (panel below 81) the list holds only provinces with data: published_count is the number of provinces over 1 billion USD that a release stated for this period (when threshold is 1 billion), with its source; national_summary shows it even when no province is listed.
--- returns  rank bigint, province text, code int, value_usd decimal, origin text, panel bigint, published_count bigint, published_source text
--- param    year       int 2000..2100                         the year
--- param    month      int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    threshold  decimal = 1000000000                   the value in USD
--- param    period     one_of(month, ytd, year) = ytd         that month, January to that month, or the calendar year
--- param    basis      one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
--- example  year=2024 month=12 period=year threshold=20000000000
WITH v AS (FROM province_values($year, $month, $period, $basis)),
published AS (
    SELECT value, source_url FROM published_national($year, period_last_month($period, $month), $period, $basis, 'provinces_over_1b')
    WHERE $threshold = 1000000000
),
ranked AS (
    SELECT *, rank() OVER (ORDER BY value_usd DESC) AS rank FROM v
)
SELECT r.rank, p.name AS province, p.code, r.value_usd, r.origin,
       (SELECT count(*) FROM v) AS panel,
       (SELECT value::BIGINT FROM published) AS published_count,
       (SELECT source_url FROM published) AS published_source
FROM ranked r JOIN provinces p ON p.code = r.province_code
WHERE r.value_usd >= $threshold
ORDER BY r.rank, p.name
