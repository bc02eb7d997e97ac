--- summary  One province's months in a year: value, change against a year earlier, and rank
--- detail   Every month of the year: the value (NULL when missing), the same month a year earlier, the change, and the province's rank among the provinces with data that month (panel; ties share a rank).
--- returns  month int, value_usd decimal, previous_usd decimal, change_usd decimal, change_pct double, rank bigint, panel bigint, origin text
--- param    province  province                               a name in any spelling, or a plate code
--- param    year      int 2000..2100                         the year
--- param    basis     one_of(activity, registered) = activity  province of activity or of registration
--- example  province=Kocaeli year=2025
WITH months AS (SELECT range::INTEGER AS month FROM range(1, 13)),
ranked AS (
    SELECT month, province_code, value_usd,
           CASE WHEN load_id IS NOT NULL THEN 'loaded' WHEN derived THEN 'derived' ELSE 'published' END AS origin,
           rank() OVER (PARTITION BY month ORDER BY value_usd DESC) AS rank,
           count(*) OVER (PARTITION BY month) AS panel
    FROM exports WHERE basis = $basis AND year = $year
),
previous AS (
    SELECT month, value_usd FROM exports WHERE basis = $basis AND year = $year - 1 AND province_code = $province
)
SELECT m.month, r.value_usd, p.value_usd AS previous_usd, r.value_usd - p.value_usd AS change_usd,
       CASE WHEN p.value_usd > 0 THEN round(100 * (r.value_usd - p.value_usd) / p.value_usd, 2) END::DOUBLE AS change_pct,
       r.rank, (SELECT count(*) FROM ranked x WHERE x.month = m.month) AS panel, r.origin
FROM months m
LEFT JOIN ranked r ON r.month = m.month AND r.province_code = $province
LEFT JOIN previous p ON p.month = m.month
ORDER BY m.month
