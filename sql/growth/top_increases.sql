--- summary  Provinces whose exports rose most against the same period a year earlier (the releases' "en fazla artış")
--- detail   Ranked by absolute change in USD among provinces with a value in both periods and a rise; ties share a rank. A province missing either value cannot be ranked, so on an incomplete panel this lists the largest rises among the provinces with data: the releases' own list is in published_figures (metric increase) and `releases`.
--- returns  rank bigint, province text, code int, change_usd decimal, value_usd decimal, previous_usd decimal, change_pct double, origin text, previous_origin text, panel bigint
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    n       int 1..81 = 5                          how many provinces
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
WITH compared AS (
    SELECT * FROM period_compare($year, $month, $period, $basis)
    WHERE value_usd IS NOT NULL AND previous_usd IS NOT NULL
),
ranked AS (
    SELECT *, rank() OVER (ORDER BY change_usd DESC) AS rank, count(*) OVER () AS panel
    FROM compared
)
SELECT rank, province, province_code AS code, change_usd, value_usd, previous_usd, change_pct::DOUBLE AS change_pct, origin, previous_origin, panel
FROM ranked
WHERE change_usd > 0 AND rank <= $n
ORDER BY rank, province
