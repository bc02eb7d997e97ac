-- Schema version 7: the facts of a month. The analyses the monthly report states are table macros
-- here, each written once: the named queries in sql/ (national_summary, top_provinces,
-- top_increases, top_products, top_destinations) select from them, and `month_facts` gathers them
-- into the one typed result the report is written from (docs/design.md, "The report").

-- A period's four national figures (national_summary): total exports, their change against the
-- same period a year earlier, the number of provinces over 1 billion USD and the number whose
-- exports rose. Computed only from a complete panel (all 81 provinces, and a year earlier for the
-- changes), else as a release stated it, else NULL with the reason in `missing` (design rule 6).
CREATE OR REPLACE MACRO national_figures(_year, _month, _period, _basis) AS TABLE
    WITH cur AS MATERIALIZED (SELECT * FROM period_values(_year, _month, _period, _basis) WHERE complete),
    prev AS MATERIALIZED (SELECT * FROM period_values(_year - 1, _month, _period, _basis) WHERE complete),
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
                                            THEN format(' ({} a year earlier)', panel.before) ELSE '' END) END AS missing,
           c.position
    FROM computed c
    CROSS JOIN panel
    LEFT JOIN LATERAL (
        SELECT value, precision, source_url, false AS derived
        FROM published_national(_year, _month, _period, _basis, c.metric) WHERE c.metric <> 'total_exports'
        UNION ALL
        SELECT total_usd, precision_usd, source, derived
        FROM national_total(_year, _month, _period, _basis) WHERE c.metric = 'total_exports'
    ) pub ON true;

-- Every ranked province of a period (top_provinces without its limit): value, share, change, and
-- where each came from. The change a release stated is shown only beside that release's own value
-- and an earlier value that is none or derived from it; otherwise it is computed from the two
-- values shown (change_origin says which).
CREATE OR REPLACE MACRO province_ranking(_year, _month, _period, _basis) AS TABLE
    WITH stated_change AS (
        SELECT province_code, source_url, arg_max(value, release_year * 12 + release_month)::DOUBLE AS change_pct
        FROM published_figures
        WHERE metric = 'change_pct' AND NOT derived AND note IS NULL AND province_code IS NOT NULL
          AND period = _period AND year = _year AND month = period_last_month(_period, _month) AND basis = _basis
        GROUP BY province_code, source_url
    ),
    ranked AS (FROM province_ranks(_year, _month, _period, _basis) WHERE rank IS NOT NULL)
    SELECT r.rank, p.name AS province, r.province_code AS code, r.value_usd,
           round(100 * r.value_usd / d.total_usd, 2)::DOUBLE AS share_pct,
           c.change_usd,
           coalesce(s.change_pct, c.change_pct::DOUBLE) AS change_pct,
           c.previous_usd,
           CASE WHEN s.change_pct IS NOT NULL THEN 'published' WHEN c.change_pct IS NOT NULL THEN 'computed' END AS change_origin,
           r.rank_origin, d.panel, d.share_of, r.origin, r.source, c.previous_source
    FROM ranked r
    JOIN provinces p ON p.code = r.province_code
    CROSS JOIN period_denominator(_year, _month, _period, _basis) d
    LEFT JOIN period_compare(_year, _month, _period, _basis) c ON c.province_code = r.province_code
    LEFT JOIN stated_change s ON s.province_code = r.province_code AND s.source_url = r.source AND r.origin = 'published'
                             -- The release's change fits only its own previous value (one derived from it):
                             -- beside another release's, or a loaded one, the change is computed.
                             AND (c.previous_origin IS NULL OR c.previous_origin = 'derived');

-- The largest increases of a period (top_increases without its limit): ranked by the data when
-- all 81 provinces have a value in both periods, else the one release's own list (with the data's
-- figures where a loaded value stands beside it).
CREATE OR REPLACE MACRO increase_ranking(_year, _month, _period, _basis) AS TABLE
    WITH compared AS (FROM period_compare(_year, _month, _period, _basis)),
    panel AS (SELECT compared_panel(_year, _month, _period, _basis) AS provinces),
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
        FROM published_increases(_year, _month, _period, _basis) l
        LEFT JOIN compared c ON c.province_code = l.province_code
        WHERE (SELECT provinces FROM panel) < 81
    )
    SELECT r.rank, p.name AS province, r.province_code AS code, r.change_usd, r.value_usd, r.previous_usd,
           r.change_pct::DOUBLE AS change_pct, r.origin, r.source, (SELECT provinces FROM panel) AS panel
    FROM (SELECT * FROM computed WHERE change_usd > 0 UNION ALL BY NAME SELECT * FROM listed) r
    JOIN provinces p ON p.code = r.province_code;

-- A province's (or, with _province NULL, Turkey's) chapters or countries ranked, with the names a
-- sentence uses: a chapter's short name (or its title in lower case), a country's usual name.
CREATE OR REPLACE MACRO detail_top(_year, _month, _period, _basis, _province, _dimension) AS TABLE
    SELECT r.rank, r.code,
           CASE WHEN _dimension = 'product' THEN coalesce(p.short_name_tr, turkish_lower(p.title_tr))
                ELSE coalesce(c.short_name_tr, c.name_tr) END AS name_tr,
           CASE WHEN _dimension = 'product' THEN coalesce(p.short_name_en, p.title_en)
                ELSE coalesce(c.common_name_en, c.name_en) END AS name_en,
           r.value_usd, r.share_pct, r.change_usd, r.change_pct,
           r.precision_usd, r.provinces, r.source, r.shape, r.total_usd, r.detail_coverage_pct, r.complete
    FROM detail_ranking(_year, _month, _period, _basis, _province, _dimension) r
    LEFT JOIN products p ON _dimension = 'product' AND p.code = r.code
    LEFT JOIN countries c ON _dimension = 'country' AND c.code = r.code;

-- The facts of a month, as the monthly release states them, one row each, typed and with their
-- sources. `section` says what a row is:
--   national  the four national figures of January to the month (the calendar year for December;
--             `period` says which), `item` naming the metric;
--   panel     how many provinces have a value for the month (`item` month) and in both years
--             (`item` compared): what a sentence says when a list cannot be given;
--   top       the month's five leading provinces (ranks as the data or the release gave them);
--   increase  the month's five largest increases (`value` is the increase);
--   chapter, country  the three leading chapters and countries of each of the first three
--             provinces, `province` being the leading province and `item` the code.
CREATE OR REPLACE MACRO month_facts(_year, _month, _basis) AS TABLE
    WITH national AS (FROM national_figures(_year, _month, CASE WHEN _month = 12 THEN 'year' ELSE 'ytd' END, _basis)),
    top AS MATERIALIZED (FROM province_ranking(_year, _month, 'month', _basis) WHERE rank <= 5),
    leaders AS (SELECT code, province, row_number() OVER (ORDER BY rank, province) AS position FROM top QUALIFY position <= 3),
    increases AS (FROM increase_ranking(_year, _month, 'month', _basis) WHERE rank <= 5),
    panel AS (
        SELECT 'month' AS item, 1 AS position, count(*) AS provinces FROM province_values(_year, _month, 'month', _basis)
        UNION ALL
        SELECT 'compared', 2, compared_panel(_year, _month, 'month', _basis)
    ),
    detail AS (
        SELECT l.position AS leader, l.province, l.code AS province_code, dim.section, d.*
        FROM leaders l
        CROSS JOIN (VALUES ('chapter', 'product'), ('country', 'country')) dim(section, dimension)
        CROSS JOIN LATERAL (FROM detail_top(_year, _month, 'month', _basis, l.code, dim.dimension) WHERE rank <= 3) d
    ),
    facts AS (
        SELECT 1 AS section_order, position AS row_order, 'national' AS section,
               CASE WHEN _month = 12 THEN 'year' ELSE 'ytd' END AS period, metric AS item,
               NULL::BIGINT AS rank, NULL::VARCHAR AS province, NULL::INTEGER AS code, NULL::VARCHAR AS name_tr, NULL::VARCHAR AS name_en,
               value::DECIMAL(18, 2) AS value, NULL::DOUBLE AS change_pct, origin,
               CASE WHEN origin <> 'computed' THEN source END AS source,
               NULL::VARCHAR AS change_origin, NULL::VARCHAR AS previous_source, panel, NULL::BOOLEAN AS complete, missing
        FROM national
        UNION ALL
        SELECT 2, position, 'panel', 'month', item, NULL, NULL, NULL, NULL, NULL, provinces::DECIMAL(18, 2), NULL, 'computed',
               NULL, NULL, NULL, provinces, NULL, NULL
        FROM panel
        UNION ALL
        SELECT 3, rank, 'top', 'month', NULL, rank, province, code, NULL, NULL, value_usd::DECIMAL(18, 2), change_pct, origin,
               source, change_origin, CASE WHEN previous_source IS DISTINCT FROM source THEN previous_source END, panel, NULL, NULL
        FROM top
        UNION ALL
        SELECT 4, rank, 'increase', 'month', NULL, rank, province, code, NULL, NULL, change_usd::DECIMAL(18, 2), change_pct, origin,
               source, NULL, NULL, panel, NULL, NULL
        FROM increases
        WHERE change_usd IS NOT NULL
        UNION ALL
        SELECT CASE section WHEN 'chapter' THEN 5 ELSE 6 END, leader * 100 + rank, section, 'month', code, rank, province, province_code,
               name_tr, name_en, value_usd::DECIMAL(18, 2), change_pct, NULL, source, NULL, NULL, NULL, complete, NULL
        FROM detail
    )
    SELECT section, period, item, rank, province, code, name_tr, name_en, value, change_pct, origin, source,
           change_origin, previous_source, panel, complete, missing
    FROM facts
    ORDER BY CASE WHEN section IN ('chapter', 'country') THEN 5 ELSE section_order END,
             CASE WHEN section IN ('chapter', 'country') THEN row_order // 100 END, section_order, row_order, province, item;
