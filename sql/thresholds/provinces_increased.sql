--- summary  How many provinces, and which, exported more than in the same period a year earlier
--- detail   One row. computed_count counts the provinces with a value in both periods and a rise; compared counts those with both values (81 when the panel is complete). A province missing either value is not counted as rising or falling.
--- detail   published_count is the number a release stated for this period (ytd and year releases state it), with its source: on an incomplete panel it is the figure to quote (DECISIONS.md 6).
--- returns  computed_count bigint, compared bigint, complete boolean, provinces text, published_count bigint, published_source text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period  one_of(month, ytd, year) = ytd         that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
WITH compared AS (
    SELECT * FROM period_compare($year, $month, $period, $basis)
    WHERE value_usd IS NOT NULL AND previous_usd IS NOT NULL
),
published AS (
    FROM published_national($year, period_last_month($period, $month), $period, $basis, 'provinces_increased')
)
SELECT count(*) FILTER (WHERE change_usd > 0) AS computed_count,
       count(*) AS compared,
       count(*) = 81 AS complete,
       string_agg(province, ', ' ORDER BY change_usd DESC) FILTER (WHERE change_usd > 0) AS provinces,
       (SELECT value::BIGINT FROM published) AS published_count,
       (SELECT source_url FROM published) AS published_source
FROM compared
