--- summary  Provinces whose exports rose most against the same period a year earlier (the releases' "en fazla artış")
--- summary_tr  İhracatı bir yıl önceki aynı döneme göre en çok artan iller
--- chart    bar value=change_usd
--- detail   When all 81 provinces have a value in both periods the data ranks them by absolute change in USD (ties share a rank; origin computed). Otherwise the list is a release's own list of the largest increases for the period, in its order and with its figures (origin published, source the release): a province missing either value cannot be ranked by the data, so the data never ranks a partial panel.
--- detail   In a release's list, value_usd is the release's own value for the province when it stated one, and previous_usd is that value minus the stated increase. Where the value shown for either year is a loaded one, the release's increase is not shown beside it: change_usd is computed from the values shown (origin computed) or NULL.
--- returns  rank bigint, province text, code int, change_usd decimal, value_usd decimal, previous_usd decimal, change_pct double, origin text, source text, panel bigint
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    n       int 1..81 = 5                          how many provinces
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- empty    no ranking: fewer than 81 provinces have a value in both periods and no release listed the largest increases for this period
--- example  year=2025 month=10
WITH compared AS (FROM period_compare($year, $month, $period, $basis)),
panel AS (SELECT compared_panel($year, $month, $period, $basis) AS provinces),
computed AS (
    SELECT rank() OVER (ORDER BY change_usd DESC) AS rank, province_code, change_usd, value_usd, previous_usd,
           change_pct, 'computed' AS origin, source
    FROM compared
    WHERE value_usd IS NOT NULL AND previous_usd IS NOT NULL AND (SELECT provinces FROM panel) = 81
),
listed AS (
    SELECT l.rank, l.province_code,
           CASE WHEN c.origin = 'loaded' OR c.previous_origin = 'loaded' THEN c.change_usd ELSE l.change_usd END AS change_usd,
           CASE WHEN c.origin = 'loaded' OR c.previous_origin = 'loaded' THEN c.value_usd ELSE l.value_usd END AS value_usd,
           CASE WHEN c.origin = 'loaded' OR c.previous_origin = 'loaded' THEN c.previous_usd ELSE l.value_usd - l.change_usd END AS previous_usd,
           CASE WHEN c.origin = 'loaded' OR c.previous_origin = 'loaded' THEN c.change_pct
                WHEN l.value_usd - l.change_usd > 0 THEN round(100 * l.change_usd / (l.value_usd - l.change_usd), 2) END AS change_pct,
           CASE WHEN c.origin = 'loaded' OR c.previous_origin = 'loaded' THEN 'computed' ELSE 'published' END AS origin,
           CASE WHEN c.origin = 'loaded' OR c.previous_origin = 'loaded' THEN c.source ELSE l.source_url END AS source
    FROM published_increases($year, $month, $period, $basis) l
    LEFT JOIN compared c ON c.province_code = l.province_code
    WHERE (SELECT provinces FROM panel) < 81
)
SELECT r.rank, p.name AS province, r.province_code AS code, r.change_usd, r.value_usd, r.previous_usd,
       r.change_pct::DOUBLE AS change_pct, r.origin, r.source, (SELECT provinces FROM panel) AS panel
FROM (SELECT * FROM computed WHERE change_usd > 0 UNION ALL BY NAME SELECT * FROM listed) r
JOIN provinces p ON p.code = r.province_code
WHERE r.rank <= $n
ORDER BY r.rank, p.name
