-- Schema version 17: the report says why an increase the release listed is not given.
--
-- Where a user loads a month's value for a province the release listed among the largest
-- increases, the increase is withheld (figures from different sources are not compared, design
-- rule 9), and month_facts dropped its row: the report then read "Ankara second, Adana fourth"
-- with no first or third, and no word why. The row is kept, its value (the increase) NULL, its
-- origin `loaded` with the loaded file as its source, the release a year earlier as its
-- previous_source and the reason in `missing`, so that the report names the place and the
-- reason. month_facts_all is migration 015's with only the increases changed; the kept facts are
-- refilled by the migration.

CREATE OR REPLACE VIEW month_facts_all AS
    WITH months AS (SELECT year, month, basis FROM fact_periods WHERE period = 'month'),
    national AS (SELECT * FROM facts_national_figures WHERE period = CASE WHEN month = 12 THEN 'year' ELSE 'ytd' END),
    top AS (SELECT * FROM facts_province_ranking WHERE period = 'month' AND rank <= 5),
    -- With each province's origins for the month and a year earlier (period_compare's), so that a
    -- listed increase withheld beside a loaded value can say why.
    increases AS (
        SELECT i.*, c.origin AS value_origin, c.previous_origin, c.previous_source AS compared_previous_source
        FROM facts_increase_ranking i
        LEFT JOIN facts_period_compare c
               ON c.year = i.year AND c.month = i.month AND c.period = i.period AND c.basis = i.basis AND c.province_code = i.code
        WHERE i.period = 'month' AND i.rank <= 5
    ),
    -- How many provinces have a value for the month, and how many for both it and the same month
    -- a year earlier (compared_panel's rule).
    panel AS (
        SELECT m.year, m.month, m.basis, 'month' AS item, 1 AS position, count(v.province_code) AS provinces
        FROM months m
        LEFT JOIN facts_province_values v ON v.year = m.year AND v.month = m.month AND v.period = 'month' AND v.basis = m.basis
        GROUP BY ALL
        UNION ALL
        SELECT m.year, m.month, m.basis, 'compared', 2, count(c.province_code)
        FROM months m
        LEFT JOIN facts_period_compare c ON c.year = m.year AND c.month = m.month AND c.period = 'month' AND c.basis = m.basis
                                         AND c.value_usd IS NOT NULL AND c.previous_usd IS NOT NULL
        GROUP BY ALL
    ),
    facts AS (
        SELECT year, month, basis, 1 AS section_order, position AS row_order, 'national' AS section,
               period, metric AS item,
               NULL::BIGINT AS rank, NULL::VARCHAR AS province, NULL::INTEGER AS code, NULL::VARCHAR AS name_tr, NULL::VARCHAR AS name_en,
               value::DECIMAL(18, 2) AS value, NULL::DOUBLE AS change_pct, origin,
               CASE WHEN origin <> 'computed' THEN source END AS source,
               NULL::VARCHAR AS change_origin, NULL::VARCHAR AS previous_source, panel, NULL::BOOLEAN AS complete, missing
        FROM national
        UNION ALL
        SELECT year, month, basis, 2, position, 'panel', 'month', item, NULL, NULL, NULL, NULL, NULL, provinces::DECIMAL(18, 2), NULL, 'computed',
               NULL, NULL, NULL, provinces, NULL, NULL
        FROM panel
        UNION ALL
        SELECT year, month, basis, 3, rank, 'top', 'month', NULL, rank, province, code, NULL, NULL, value_usd::DECIMAL(18, 2), change_pct, origin,
               source, change_origin, CASE WHEN previous_source IS DISTINCT FROM source THEN previous_source END, panel, NULL, NULL
        FROM top
        UNION ALL
        SELECT year, month, basis, 4, rank, 'increase', 'month', NULL, rank, province, code, NULL, NULL, change_usd::DECIMAL(18, 2), change_pct,
               CASE WHEN change_usd IS NULL THEN value_origin ELSE origin END, source, NULL,
               CASE WHEN change_usd IS NULL THEN compared_previous_source END, panel, NULL,
               CASE WHEN change_usd IS NULL THEN 'not compared: the value for the month is loaded, the value a year earlier a release''s' END
        FROM increases
        WHERE change_usd IS NOT NULL
           OR (value_origin = 'loaded' AND previous_origin <> 'loaded' AND compared_previous_source IS NOT NULL)
        UNION ALL
        SELECT year, month, basis, CASE section WHEN 'chapter' THEN 5 ELSE 6 END, leader * 100 + rank, section, 'month', code, rank, province, province_code,
               name_tr, name_en, value_usd::DECIMAL(18, 2), change_pct, NULL, source, NULL, NULL, NULL, complete, NULL
        FROM facts_report_detail
    )
    SELECT year, month, basis,
           row_number() OVER (
               PARTITION BY year, month, basis
               ORDER BY CASE WHEN section IN ('chapter', 'country') THEN 5 ELSE section_order END,
                        CASE WHEN section IN ('chapter', 'country') THEN row_order // 100 END, section_order, row_order, province, item) AS position,
           section, period, item, rank, province, code, name_tr, name_en, value, change_pct, origin, source,
           change_origin, previous_source, panel, complete, missing
    FROM facts;
