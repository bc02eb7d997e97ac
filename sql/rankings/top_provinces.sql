--- summary  Provinces ranked by exports in a month, year-to-date or year
--- detail   Ranks every province with a value for the period: the sum of its months when all are present (ytd and year need every month), else for ytd and year the value a release stated (origin says which).
--- detail   Ties share a rank (1, 2, 2, 4). Change is against the same period a year earlier on the same basis; NULL when either value is missing, and change_pct is NULL when the earlier value is zero.
--- detail   share_pct is of the published national total when a release gave one, else of the sum of the provinces with data; share_of names the denominator and panel counts the provinces with data (81 is complete).
--- detail   published_change_pct is the change a release stated for the province and period, when one did: computed changes from rounded published values can differ from it in the last digit.
--- returns  rank bigint, province text, code int, value_usd decimal, share_pct double, change_usd decimal, change_pct double, published_change_pct double, previous_usd decimal, panel bigint, share_of text, origin text, source text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    n       int 1..81 = 10                         how many provinces
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity (Ministry of Trade) or of registration (TİM)
--- example  year=2025 month=10 n=5
--- example  year=2024 month=12 period=year
WITH stated_change AS (
    SELECT province_code, arg_max(value, release_year * 12 + release_month)::DOUBLE AS published_change_pct
    FROM published_figures
    WHERE metric = 'change_pct' AND NOT derived AND note IS NULL AND province_code IS NOT NULL
      AND period = $period AND year = $year AND month = period_last_month($period, $month) AND basis = $basis
    GROUP BY province_code
),
ranked AS (
    SELECT *, rank() OVER (ORDER BY value_usd DESC) AS rank
    FROM period_compare($year, $month, $period, $basis)
    WHERE value_usd IS NOT NULL
)
SELECT r.rank, r.province, r.province_code AS code, r.value_usd,
       round(100 * r.value_usd / d.total_usd, 2)::DOUBLE AS share_pct,
       r.change_usd, r.change_pct::DOUBLE AS change_pct, s.published_change_pct, r.previous_usd,
       d.panel, d.share_of, r.origin, r.source
FROM ranked r
CROSS JOIN period_denominator($year, $month, $period, $basis) d
LEFT JOIN stated_change s ON s.province_code = r.province_code
WHERE r.rank <= $n
ORDER BY r.rank, r.province
