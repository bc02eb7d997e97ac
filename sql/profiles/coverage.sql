--- summary  What the database holds: provinces with data for each month and basis
--- summary_tr  Veritabanında ne var: her ay ve esas için verisi olan iller
--- detail   One row a month and basis present in exports: how many provinces have a value (81 makes the panel complete, which year-to-date and full-year sums across provinces need), and how many of those values were published in a release, derived from a release's stated change, or loaded from a file.
--- detail   ministry and regional split the published and derived values by the kind of release they came from: the Ministry of Trade's monthly release, or a regional or local one (exporters' associations, chambers, TÜİK's regional offices). province_coverage counts the provinces with any figure, year by year.
--- detail   detail_provinces counts the provinces with any detail rows (by product or country) that month; detail_check compares them with the totals.
--- returns  year int, month int, basis text, provinces bigint, complete boolean, published bigint, derived bigint, loaded bigint, ministry bigint, regional bigint, total_usd decimal, detail_provinces bigint
--- param    basis  one_of(activity, registered, all) = all   one basis, or both
--- param    year   int 2000..2100 = null                     one year only
--- example  basis=activity
--- example  year=2025
WITH kinds AS (SELECT source_url, any_value(release_kind) AS release_kind FROM published_figures GROUP BY source_url)
SELECT year, month, basis,
       count(*) AS provinces,
       count(*) = 81 AS complete,
       count(*) FILTER (WHERE load_id IS NULL AND NOT derived) AS published,
       count(*) FILTER (WHERE load_id IS NULL AND derived) AS derived,
       count(*) FILTER (WHERE load_id IS NOT NULL) AS loaded,
       count(*) FILTER (WHERE load_id IS NULL AND k.release_kind = 'ministry') AS ministry,
       count(*) FILTER (WHERE load_id IS NULL AND k.release_kind = 'regional') AS regional,
       sum(value_usd) AS total_usd,
       (SELECT count(DISTINCT d.province_code) FROM detail d
        WHERE d.year = e.year AND d.month = e.month AND d.basis = e.basis) AS detail_provinces
FROM exports e
LEFT JOIN kinds k ON k.source_url = e.source
WHERE ($basis = 'all' OR basis = $basis) AND ($year IS NULL OR year = $year)
GROUP BY ALL
ORDER BY year, month, basis
