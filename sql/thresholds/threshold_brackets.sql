--- summary  How many provinces fall in each band of exports in a period
--- detail   Bands are given by their lower bounds in USD (default 1 billion, 500 million, 100 million, 10 million), plus a band below the smallest. Each province with a value for the period counts once. On an incomplete panel (panel below 81) provinces without data are in no band: `unknown` counts them.
--- returns  band text, lower_usd decimal, upper_usd decimal, provinces bigint, value_usd decimal, unknown bigint, panel bigint
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    bands   list(decimal) = "1000000000,500000000,100000000,10000000"  lower bounds of the bands, in USD
--- param    period  one_of(month, ytd, year) = ytd         that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10 period=month
--- example  year=2025 month=10 period=month bands=2000000000,1000000000
WITH bounds AS (
    SELECT DISTINCT unnest($bands::DECIMAL(18, 2)[]) AS lower_usd
    UNION ALL SELECT 0
),
bands AS (
    SELECT lower_usd, lead(lower_usd) OVER (ORDER BY lower_usd) AS upper_usd FROM bounds
),
v AS (FROM province_values($year, $month, $period, $basis))
SELECT CASE WHEN b.upper_usd IS NULL THEN format('at least {}', b.lower_usd::BIGINT)
            WHEN b.lower_usd = 0 THEN format('below {}', b.upper_usd::BIGINT)
            ELSE format('{} to {}', b.lower_usd::BIGINT, b.upper_usd::BIGINT) END AS band,
       b.lower_usd, b.upper_usd,
       count(v.province_code) AS provinces,
       sum(v.value_usd) AS value_usd,
       81 - (SELECT count(*) FROM v) AS unknown,
       (SELECT count(*) FROM v) AS panel
FROM bands b
LEFT JOIN v ON v.value_usd >= b.lower_usd AND (b.upper_usd IS NULL OR v.value_usd < b.upper_usd)
GROUP BY b.lower_usd, b.upper_usd
ORDER BY b.lower_usd DESC
