--- summary  Provinces whose exports fell most against the same period a year earlier
--- detail   Ranked by absolute fall in USD among provinces with a value in both periods; ties share a rank. On an incomplete panel these are the largest falls among the provinces with data.
--- returns  rank bigint, province text, code int, change_usd decimal, value_usd decimal, previous_usd decimal, change_pct double, panel bigint
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    n       int 1..81 = 5                          how many provinces
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
WITH ranked AS (
    SELECT *, rank() OVER (ORDER BY change_usd ASC) AS rank, count(*) OVER () AS panel
    FROM period_compare($year, $month, $period, $basis)
    WHERE value_usd IS NOT NULL AND previous_usd IS NOT NULL
)
SELECT rank, province, province_code AS code, change_usd, value_usd, previous_usd, change_pct::DOUBLE AS change_pct, panel
FROM ranked
WHERE change_usd < 0 AND rank <= $n
ORDER BY rank, province
