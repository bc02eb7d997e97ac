-- Schema version 14: a loaded value that agrees with a release's ranked value keeps the
-- release's rank (design rule 8).
--
-- On an incomplete panel a rank is the one a release gave, beside that release's own value. A
-- user who loaded the month's table for İstanbul (4,287,000,000, the release's "4 milyar 287
-- milyon") lost İstanbul from top_provinces and the report's leaders: the release's rank stood
-- only beside a published value. A loaded value within both roundings of the ranked statement's
-- value is the same figure, so the release's rank is as true beside it (rank_origin says
-- published). A loaded value that differs keeps no rank, as before.

-- Each province's value for each period with its rank, and its precision: the data ranks a
-- complete panel (ties share a rank); otherwise the rank is the one a release gave beside the
-- value shown, or beside a loaded value within both roundings of the ranked value.
CREATE OR REPLACE VIEW province_ranks_all AS
    WITH v AS (FROM facts_province_values),
    panel AS (SELECT year, month, period, basis, count(*) AS provinces FROM v GROUP BY year, month, period, basis),
    stated AS (
        SELECT year, month, period, basis, province_code,
               arg_min({'rank': rank, 'value': value, 'precision': precision},
                       (note IS NOT NULL)::INTEGER * 1000000 - (release_year * 12 + release_month)) AS ranked
        FROM published_figures
        WHERE metric = 'exports' AND NOT derived AND rank IS NOT NULL AND province_code IS NOT NULL
        GROUP BY year, month, period, basis, province_code
    )
    SELECT v.year, v.month, v.period, v.basis, v.province_code, v.value_usd, v.origin, v.source, panel.provinces AS panel,
           CASE WHEN panel.provinces = 81 THEN rank() OVER (PARTITION BY v.year, v.month, v.period, v.basis ORDER BY v.value_usd DESC)
                ELSE s.ranked.rank END AS rank,
           CASE WHEN panel.provinces = 81 THEN 'computed' WHEN s.ranked.rank IS NOT NULL THEN 'published' END AS rank_origin,
           v.precision_usd
    FROM v JOIN panel USING (year, month, period, basis)
    LEFT JOIN stated s ON s.year = v.year AND s.month = v.month AND s.period = v.period AND s.basis = v.basis
                      AND s.province_code = v.province_code
                      AND (v.origin = 'published'
                           OR v.origin = 'loaded' AND abs(v.value_usd - s.ranked.value) <= (s.ranked.precision + v.precision_usd) / 2);
