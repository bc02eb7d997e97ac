-- Schema version 17: the report says why a place the release gave is not given (an increase, a
-- rank).
--
-- Where a user loads a month's value for a province the release listed among the largest
-- increases, the increase is withheld (figures from different sources are not compared, design
-- rule 9), and month_facts dropped its row: the report then read "Ankara second, Adana fourth"
-- with no first or third, and no word why. The row is kept, its value (the increase) NULL, its
-- origin `loaded` with the loaded file as its source, the release a year earlier as its
-- previous_source and the reason in `missing`, so that the report names the place and the
-- reason. -- The same for the leaders: a province the release ranked among the first five whose loaded value
-- differs from the value ranked keeps no rank (migration 014), and the report read "İstanbul
-- first, Kocaeli second, İzmir fourth". month_facts gains a section `unranked`: each such
-- province, `rank` the place the release gave it, `value` its loaded value.
--
-- The release rank a province's value is set beside (migration 014's choice: a statement without
-- a note first, then the latest release) is now the view stated_ranks_all, read by both
-- province_ranks_all and month_facts_all. month_facts_all is migration 015's with only the
-- increases and the unranked leaders added; the kept facts are refilled by the migration.

-- Each province's ranked statement for each period: the rank, value and precision of the one
-- release whose rank stands beside the province's value (migration 014's rule).
CREATE OR REPLACE VIEW stated_ranks_all AS
    SELECT year, month, period, basis, province_code,
           arg_min({'rank': rank, 'value': value, 'precision': precision},
                   (note IS NOT NULL)::INTEGER * 1000000 - (release_year * 12 + release_month)) AS ranked
    FROM published_figures
    WHERE metric = 'exports' AND NOT derived AND rank IS NOT NULL AND province_code IS NOT NULL
    GROUP BY year, month, period, basis, province_code;


-- Each province's value for each period with its rank, and its precision: the data ranks a
-- complete panel (ties share a rank); otherwise the rank is the one a release gave beside the
-- value shown, or beside a loaded value within both roundings of the ranked value (migration
-- 014's view, its ranked statements read from stated_ranks_all).
CREATE OR REPLACE VIEW province_ranks_all AS
    WITH v AS (FROM facts_province_values),
    panel AS (SELECT year, month, period, basis, count(*) AS provinces FROM v GROUP BY year, month, period, basis),
    stated AS (FROM stated_ranks_all)
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
    -- Provinces the release ranked among the first five that hold no rank beside their loaded
    -- value (it differs from the value ranked).
    unranked AS (
        SELECT r.year, r.month, r.basis, s.ranked.rank AS rank, p.name AS province, r.province_code AS code, r.value_usd, r.source, r.panel
        FROM facts_province_ranks r
        JOIN stated_ranks_all s USING (year, month, period, basis, province_code)
        JOIN provinces p ON p.code = r.province_code
        WHERE r.period = 'month' AND r.rank IS NULL AND r.origin = 'loaded' AND s.ranked.rank <= 5
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
        SELECT year, month, basis, 3, 100 + rank, 'unranked', 'month', NULL, rank, province, code, NULL, NULL, value_usd::DECIMAL(18, 2), NULL, 'loaded',
               source, NULL, NULL, panel, NULL, 'not ranked: the loaded value differs from the value the release ranked'
        FROM unranked
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
