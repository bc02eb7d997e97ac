-- Schema version 12: each detail analysis reads the detail table once (issue 33). The rules are
-- migration 008's (detail_cells) and 003/007's (detail_ranking, detail_top, month_facts); only
-- the shape of the SQL changes. Planning was most of a detail analysis's time on the bundled data:
-- detail_ranking expanded detail_cells three times (the period, a year earlier, the province's
-- completeness) and month_facts six times more, through a lateral join over the leaders.

-- detail_cells for the years from _first_year to _last_year at once, with `year`: a period and
-- the same period a year earlier in one read. The precedence of a province-month's rows (a loaded
-- table over release figures, then two-way rows over the full table) is one preference, the
-- smallest in the province-month winning, computed before rows of no shape are dropped, so that a
-- loaded table of another shape still hides the releases' rows (as in migration 008). A
-- province's complete months are the months it has, less those with an incomplete row.
-- `_province` narrows the read to one province, `_provinces` to a list (both where the rows are
-- read: a list computed by a subquery and applied after the windows cost the report a scan of
-- every province's month).
CREATE OR REPLACE MACRO detail_cells_span(_first_year, _last_year, _month, _period, _basis, _dimension, _province := NULL, _provinces := NULL) AS TABLE
    WITH rows AS (
        SELECT year, province_code, month, value_usd, precision_usd, source, complete_table,
               CASE WHEN _dimension = 'product' THEN product_code ELSE country_code END AS code,
               CASE WHEN country_code <> 'ALL' AND product_code <> 'ALL' THEN 'full table'
                    WHEN _dimension = 'product' AND country_code = 'ALL' THEN 'two-way'
                    WHEN _dimension = 'country' AND product_code = 'ALL' THEN 'two-way' END AS shape,
               (load_id IS NULL)::INTEGER * 2 + (shape IS DISTINCT FROM 'two-way')::INTEGER AS preference
        FROM detail
        WHERE basis = _basis AND year BETWEEN _first_year AND _last_year
          AND month BETWEEN period_first_month(_period, _month) AND period_last_month(_period, _month)
          AND (_province IS NULL OR province_code = _province)
          AND (_provinces IS NULL OR list_contains(_provinces, province_code))
    ),
    used AS (
        SELECT * FROM (FROM rows QUALIFY preference = min(preference) OVER (PARTITION BY year, province_code, month))
        WHERE shape IS NOT NULL
    )
    SELECT year, province_code, code, value_usd, precision_usd, source, complete_table, shape FROM (
        SELECT year, province_code, code, sum(value_usd) AS value_usd, sum(precision_usd) AS precision_usd,
               -- The distinct sources in byte order: a DISTINCT aggregate cost a hash table per group.
               array_to_string(list_sort(list_distinct(list(source))), ' ; ') AS source,
               bool_and(complete_table) AS complete_table, any_value(shape) AS shape,
               -- The months present, as bits: a distinct count cost up to a fifth of the query.
               bit_count(bit_or(1::INTEGER << month)) AS months,
               bit_or(1::INTEGER << month) AS month_bits,
               bit_or(CASE WHEN complete_table THEN 0 ELSE 1::INTEGER << month END) AS incomplete_bits
        FROM used
        GROUP BY year, province_code, code
        QUALIFY months = period_month_count(_period, _month)
             OR bit_count(bit_or(month_bits) OVER (PARTITION BY year, province_code)
                          & ~bit_or(incomplete_bits) OVER (PARTITION BY year, province_code)) = period_month_count(_period, _month)
    );

CREATE OR REPLACE MACRO detail_cells(_year, _month, _period, _basis, _dimension, _province := NULL) AS TABLE
    SELECT * EXCLUDE (year) FROM detail_cells_span(_year, _year, _month, _period, _basis, _dimension, _province := _province);

-- detail_ranking for each province of a list at once (`ranked_for`), or, with _provinces NULL,
-- for Turkey (`ranked_for` NULL): the report ranks its three leading provinces' chapters in one
-- plan. The rules are migration 003's: a code's value beside the same period a year earlier, its
-- share of the province's total (for Turkey, of the national denominator, else of the provinces'
-- totals), and whether the listed codes add up to the total within their rounding.
CREATE OR REPLACE MACRO detail_rankings(_year, _month, _period, _basis, _provinces, _dimension) AS TABLE
    WITH cells AS MATERIALIZED (
        SELECT CASE WHEN _provinces IS NOT NULL THEN province_code END AS ranked_for, *
        FROM detail_cells_span(_year - 1, _year, _month, _period, _basis, _dimension, _provinces := _provinces)
    ),
    codes AS (
        SELECT ranked_for, code,
               sum(value_usd) FILTER (WHERE year = _year) AS value_usd,
               sum(value_usd) FILTER (WHERE year = _year - 1) AS previous_usd,
               count(*) FILTER (WHERE year = _year) AS provinces,
               sum(precision_usd) FILTER (WHERE year = _year) AS precision_usd,
               list_distinct(list(source) FILTER (WHERE year = _year)) AS sources,
               list_distinct(list(shape) FILTER (WHERE year = _year)) AS shapes
        FROM cells GROUP BY ranked_for, code
    ),
    -- Each province's detail beside its total (detail_completeness's rule).
    completeness AS (
        SELECT CASE WHEN _provinces IS NOT NULL THEN p.code END AS ranked_for,
               coalesce(v.value_usd, CASE WHEN d.complete_table THEN d.detail_usd END) AS total_usd,
               coalesce(d.complete_table OR abs(d.detail_usd - v.value_usd) <= greatest(d.precision_usd / 2, v.value_usd / 1000), false) AS complete
        FROM provinces p
        LEFT JOIN province_values(_year, _month, _period, _basis) v ON v.province_code = p.code
        LEFT JOIN (SELECT province_code, sum(value_usd) AS detail_usd, sum(precision_usd) AS precision_usd, bool_and(complete_table) AS complete_table
                   FROM cells WHERE year = _year GROUP BY ALL) d ON d.province_code = p.code
        WHERE (v.value_usd IS NOT NULL OR d.detail_usd IS NOT NULL) AND (_provinces IS NULL OR list_contains(_provinces, p.code))
    ),
    totals AS (SELECT ranked_for, sum(total_usd) AS total_usd, bool_and(complete) AS complete FROM completeness GROUP BY ranked_for),
    ranked AS (
        SELECT c.ranked_for, c.code, c.value_usd, c.previous_usd, c.provinces, c.precision_usd,
               CASE WHEN len(c.sources) = 1 THEN c.sources[1] ELSE format('{} sources', len(c.sources)) END AS source,
               CASE WHEN len(c.shapes) = 1 THEN c.shapes[1] ELSE 'mixed' END AS shape,
               CASE WHEN _provinces IS NULL THEN coalesce((SELECT total_usd FROM period_denominator(_year, _month, _period, _basis)), t.total_usd)
                    ELSE t.total_usd END AS total_usd,
               -- Turkey's detail is complete when no province's is incomplete; a province without
               -- a total is not.
               coalesce(t.complete, _provinces IS NULL) AS complete
        FROM codes c LEFT JOIN totals t ON t.ranked_for IS NOT DISTINCT FROM c.ranked_for
        WHERE c.provinces > 0
    )
    SELECT ranked_for, rank() OVER (PARTITION BY ranked_for ORDER BY value_usd DESC) AS rank, code, value_usd,
           round(100 * value_usd / total_usd, 2)::DOUBLE AS share_pct,
           value_usd - previous_usd AS change_usd,
           CASE WHEN previous_usd > 0 THEN round(100 * (value_usd - previous_usd) / previous_usd, 2) END::DOUBLE AS change_pct,
           precision_usd, provinces, source, shape, total_usd,
           round(100 * sum(value_usd) OVER (PARTITION BY ranked_for) / total_usd, 2)::DOUBLE AS detail_coverage_pct,
           complete
    FROM ranked;

CREATE OR REPLACE MACRO detail_ranking(_year, _month, _period, _basis, _province, _dimension) AS TABLE
    SELECT * EXCLUDE (ranked_for)
    FROM detail_rankings(_year, _month, _period, _basis, CASE WHEN _province IS NOT NULL THEN [_province] END, _dimension);

-- detail_rankings with the names a sentence uses: a chapter's short name (or its title in lower
-- case), a country's usual name.
CREATE OR REPLACE MACRO detail_tops(_year, _month, _period, _basis, _provinces, _dimension) AS TABLE
    SELECT r.ranked_for, r.rank, r.code,
           CASE WHEN _dimension = 'product' THEN coalesce(p.short_name_tr, turkish_lower(p.title_tr))
                ELSE coalesce(c.short_name_tr, c.name_tr) END AS name_tr,
           CASE WHEN _dimension = 'product' THEN coalesce(p.short_name_en, p.title_en)
                ELSE coalesce(c.common_name_en, c.name_en) END AS name_en,
           r.value_usd, r.share_pct, r.change_usd, r.change_pct,
           r.precision_usd, r.provinces, r.source, r.shape, r.total_usd, r.detail_coverage_pct, r.complete
    FROM detail_rankings(_year, _month, _period, _basis, _provinces, _dimension) r
    LEFT JOIN products p ON _dimension = 'product' AND p.code = r.code
    LEFT JOIN countries c ON _dimension = 'country' AND c.code = r.code;

CREATE OR REPLACE MACRO detail_top(_year, _month, _period, _basis, _province, _dimension) AS TABLE
    SELECT * EXCLUDE (ranked_for)
    FROM detail_tops(_year, _month, _period, _basis, CASE WHEN _province IS NOT NULL THEN [_province] END, _dimension);

-- One product chapter (or country) across provinces (migration 003's rule), the period and a
-- year earlier read at once.
CREATE OR REPLACE MACRO detail_by_province(_year, _month, _period, _basis, _code, _dimension) AS TABLE
    WITH cells AS (
        SELECT province_code,
               sum(value_usd) FILTER (WHERE year = _year) AS value_usd,
               sum(value_usd) FILTER (WHERE year = _year - 1) AS previous_usd
        FROM detail_cells_span(_year - 1, _year, _month, _period, _basis, _dimension)
        WHERE code = _code
        GROUP BY province_code
    )
    SELECT p.code AS province_code, p.name AS province, c.value_usd, c.previous_usd,
           c.value_usd - c.previous_usd AS change_usd,
           CASE WHEN c.previous_usd > 0 THEN round(100 * (c.value_usd - c.previous_usd) / c.previous_usd, 2) END::DOUBLE AS change_pct,
           round(100 * c.value_usd / sum(c.value_usd) OVER (), 2)::DOUBLE AS share_of_code_pct,
           round(100 * c.value_usd / v.value_usd, 2)::DOUBLE AS share_of_province_pct
    FROM provinces p
    JOIN cells c ON c.province_code = p.code
    LEFT JOIN province_values(_year, _month, _period, _basis) v ON v.province_code = p.code;

-- The facts of a month (migration 007's month_facts), the leaders' detail in one plan.
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
    -- The leaders' chapters and countries, ranked for the three at once (a lateral join planned
    -- the ranking anew for each province and dimension). No leaders is an empty list, not NULL,
    -- which would rank Turkey's.
    detail AS (
        SELECT l.position AS leader, l.province, l.code AS province_code, d.* EXCLUDE (ranked_for)
        FROM (SELECT 'chapter' AS section, * FROM detail_tops(_year, _month, 'month', _basis, (SELECT coalesce(list(code), []) FROM leaders), 'product')
              UNION ALL
              SELECT 'country' AS section, * FROM detail_tops(_year, _month, 'month', _basis, (SELECT coalesce(list(code), []) FROM leaders), 'country')) d
        JOIN leaders l ON l.code = d.ranked_for
        WHERE d.rank <= 3
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
