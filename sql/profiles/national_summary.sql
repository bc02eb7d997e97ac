--- summary  The national figures of a period: computed from the provinces when the panel is complete, else as published
--- summary_tr  Dönemin ulusal rakamları: il paneli tamsa illerden hesaplanmış, değilse yayımlandığı gibi
--- detail   Four figures, one row each: total exports, their percent change against the same period a year earlier, the number of provinces over 1 billion USD, and the number of provinces whose exports rose. computed holds the figure computed from the province panel, only when every one of the 81 provinces has a value in the period (and, for changes, a year earlier); published holds what a release stated, with its source (a month's total may be derived from two stated year-to-date totals, origin derived). value is the one to quote: computed when there is one, else published; origin says which, and missing explains a figure that is neither (never a zero or a partial sum, design rule 6).
--- returns  metric text, value decimal, origin text, computed decimal, published decimal, published_precision decimal, source text, panel bigint, missing text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period  one_of(month, ytd, year) = ytd         that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
--- example  year=2024 month=12 period=year
WITH cur AS (SELECT * FROM period_values($year, $month, $period, $basis) WHERE complete),
prev AS (SELECT * FROM period_values($year - 1, $month, $period, $basis) WHERE complete),
panel AS (SELECT (SELECT count(*) FROM cur) AS now, (SELECT count(*) FROM prev) AS before),
computed AS (
    SELECT 'total_exports' AS metric, 1 AS position,
           CASE WHEN panel.now = 81 THEN (SELECT sum(value_usd) FROM cur) END::DECIMAL(18, 2) AS value
    FROM panel
    UNION ALL
    SELECT 'total_change_pct', 2,
           CASE WHEN panel.now = 81 AND panel.before = 81
                THEN round(100 * ((SELECT sum(value_usd) FROM cur) / (SELECT sum(value_usd) FROM prev) - 1), 1) END::DECIMAL(18, 2)
    FROM panel
    UNION ALL
    SELECT 'provinces_over_1b', 3,
           CASE WHEN panel.now = 81 THEN (SELECT count(*) FROM cur WHERE value_usd > 1000000000) END::DECIMAL(18, 2)
    FROM panel
    UNION ALL
    SELECT 'provinces_increased', 4,
           CASE WHEN panel.now = 81 AND panel.before = 81
                THEN (SELECT count(*) FROM cur JOIN prev USING (province_code) WHERE cur.value_usd > prev.value_usd) END::DECIMAL(18, 2)
    FROM panel
)
SELECT c.metric,
       coalesce(c.value, pub.value) AS value,
       CASE WHEN c.value IS NOT NULL THEN 'computed' WHEN pub.derived THEN 'derived' WHEN pub.value IS NOT NULL THEN 'published' END AS origin,
       c.value AS computed,
       pub.value AS published,
       pub.precision AS published_precision,
       pub.source_url AS source,
       panel.now AS panel,
       CASE WHEN c.value IS NULL AND pub.value IS NULL
            THEN format('not computable: {} of 81 provinces have a value for the period{}; and no release in the data states it',
                        panel.now, CASE WHEN c.metric IN ('total_change_pct', 'provinces_increased')
                                        THEN format(' ({} a year earlier)', panel.before) ELSE '' END) END AS missing
FROM computed c
CROSS JOIN panel
LEFT JOIN LATERAL (
    SELECT value, precision, source_url, false AS derived
    FROM published_national($year, $month, $period, $basis, c.metric) WHERE c.metric <> 'total_exports'
    UNION ALL
    SELECT total_usd, precision_usd, source, derived
    FROM national_total($year, $month, $period, $basis) WHERE c.metric = 'total_exports'
) pub ON true
ORDER BY c.position
