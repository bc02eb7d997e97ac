-- Schema version 3: the detail macros in their one current form; a fresh database, and one
-- migrated from version 1 or 2, all get them from here. They take the province first: a
-- question about one province (its top destinations, its chapters) read every province's rows
-- of the period and filtered at the end; `_province` now narrows the rows where they are read,
-- so such a query costs in proportion to the province's rows (a third of the time of version 2
-- on ten million rows). The argument is optional and named: calls written for version 2 mean
-- what they meant. detail_ranking computes the completeness once and passes the province to it
-- (DuckDB runs both branches of a CASE, so the Turkey branch must not read every province when
-- one is asked).

-- Each province's value for each product chapter (or partner country) over a period, when every
-- month of the period is present. `_dimension` is 'product' or 'country'. For each province and
-- month the two-way rows are used when there are any (a chapter over all countries, or a country
-- over all chapters), else the full province × country × product table summed: the two are
-- never added together. `shape` says which.
CREATE OR REPLACE MACRO detail_cells(_year, _month, _period, _basis, _dimension, _province := NULL) AS TABLE
    WITH rows AS (
        SELECT province_code, month, value_usd, precision_usd, source, complete_table,
               CASE WHEN _dimension = 'product' THEN product_code ELSE country_code END AS code,
               CASE WHEN country_code <> 'ALL' AND product_code <> 'ALL' THEN 'full table'
                    WHEN _dimension = 'product' AND country_code = 'ALL' THEN 'two-way'
                    WHEN _dimension = 'country' AND product_code = 'ALL' THEN 'two-way' END AS shape
        FROM detail
        WHERE basis = _basis AND year = _year
          AND month BETWEEN period_first_month(_period, _month) AND period_last_month(_period, _month)
          AND (_province IS NULL OR province_code = _province)
    ),
    chosen AS (
        SELECT *, bool_or(shape = 'two-way') OVER (PARTITION BY province_code, month) AS has_two_way
        FROM rows WHERE shape IS NOT NULL
    )
    SELECT province_code, code, value_usd, precision_usd, source, complete_table, shape
    FROM (
        SELECT province_code, code, sum(value_usd) AS value_usd, sum(precision_usd) AS precision_usd,
               string_agg(DISTINCT source, ' ; ') AS source, bool_and(complete_table) AS complete_table, any_value(shape) AS shape,
               -- The months present, as bits: a distinct count cost up to a fifth of the query.
               bit_count(bit_or(1::INTEGER << month)) AS months
        FROM chosen
        WHERE shape = CASE WHEN has_two_way THEN 'two-way' ELSE 'full table' END
        GROUP BY province_code, code
    )
    WHERE months = period_month_count(_period, _month);

-- detail_cells summed over one province (or all, when _province is NULL), by code.
CREATE OR REPLACE MACRO detail_values(_year, _month, _period, _basis, _province, _dimension) AS TABLE
    SELECT code, sum(value_usd) AS value_usd, count(*) AS provinces, sum(precision_usd) AS precision_usd,
           CASE WHEN count(DISTINCT source) = 1 THEN any_value(source) ELSE format('{} sources', count(DISTINCT source)) END AS source,
           CASE WHEN count(DISTINCT shape) = 1 THEN any_value(shape) ELSE 'mixed' END AS shape
    FROM detail_cells(_year, _month, _period, _basis, _dimension, _province := _province)
    GROUP BY code;

-- Each province's detail beside its total: complete when the detail adds up to the total within
-- its rounding (half the sum of its precisions, or 0.1 % of the total), or when it was loaded
-- from a file declared to be the whole table (load --complete). Analyses that mean
-- nothing on partial detail refuse unless it is complete.
CREATE OR REPLACE MACRO detail_completeness(_year, _month, _period, _basis, _dimension, _province := NULL) AS TABLE
    SELECT p.code AS province_code, p.name AS province,
           -- A complete table is its own total when exports has none for the period.
           coalesce(v.value_usd, CASE WHEN d.complete_table THEN d.detail_usd END) AS total_usd,
           d.detail_usd,
           round(100 * d.detail_usd / coalesce(v.value_usd, CASE WHEN d.complete_table THEN d.detail_usd END), 2)::DOUBLE AS coverage_pct,
           coalesce(d.complete_table OR abs(d.detail_usd - v.value_usd) <= greatest(d.precision_usd / 2, v.value_usd / 1000), false) AS complete
    FROM provinces p
    LEFT JOIN province_values(_year, _month, _period, _basis) v ON v.province_code = p.code
    LEFT JOIN (SELECT province_code, sum(value_usd) AS detail_usd, sum(precision_usd) AS precision_usd, bool_and(complete_table) AS complete_table
               FROM detail_cells(_year, _month, _period, _basis, _dimension, _province := _province) GROUP BY ALL) d ON d.province_code = p.code
    WHERE (v.value_usd IS NOT NULL OR d.detail_usd IS NOT NULL) AND (_province IS NULL OR p.code = _province);

-- One product chapter (or country) across provinces: each province's value, a year earlier, and
-- its shares of the code's total and of the province's total.
CREATE OR REPLACE MACRO detail_by_province(_year, _month, _period, _basis, _code, _dimension) AS TABLE
    WITH cur AS (SELECT * FROM detail_cells(_year, _month, _period, _basis, _dimension) WHERE code = _code),
    prev AS (SELECT * FROM detail_cells(_year - 1, _month, _period, _basis, _dimension) WHERE code = _code)
    SELECT p.code AS province_code, p.name AS province, cur.value_usd, prev.value_usd AS previous_usd,
           cur.value_usd - prev.value_usd AS change_usd,
           CASE WHEN prev.value_usd > 0 THEN round(100 * (cur.value_usd - prev.value_usd) / prev.value_usd, 2) END::DOUBLE AS change_pct,
           round(100 * cur.value_usd / sum(cur.value_usd) OVER (), 2)::DOUBLE AS share_of_code_pct,
           round(100 * cur.value_usd / v.value_usd, 2)::DOUBLE AS share_of_province_pct
    FROM provinces p
    LEFT JOIN cur ON cur.province_code = p.code
    LEFT JOIN prev ON prev.province_code = p.code
    LEFT JOIN province_values(_year, _month, _period, _basis) v ON v.province_code = p.code
    WHERE cur.value_usd IS NOT NULL OR prev.value_usd IS NOT NULL;

-- detail_values ranked, beside the same period a year earlier and the province's (or Turkey's)
-- total. complete says whether the listed codes add up to the total within their rounding (the
-- sum of their precisions, or 0.1 % of the total): bundled detail is the releases' top three.
CREATE OR REPLACE MACRO detail_ranking(_year, _month, _period, _basis, _province, _dimension) AS TABLE
    WITH cur AS MATERIALIZED (FROM detail_values(_year, _month, _period, _basis, _province, _dimension)),
    prev AS (FROM detail_values(_year - 1, _month, _period, _basis, _province, _dimension)),
    -- Computed once for the total and for `complete` (each asked for it twice in version 2).
    comp AS MATERIALIZED (FROM detail_completeness(_year, _month, _period, _basis, _dimension, _province := _province)),
    total AS (
        SELECT CASE WHEN _province IS NULL
                    THEN coalesce((SELECT total_usd FROM period_denominator(_year, _month, _period, _basis)), (SELECT sum(total_usd) FROM comp))
                    ELSE (SELECT total_usd FROM comp) END AS total_usd
    ),
    listed AS (SELECT sum(value_usd) AS value_usd, sum(precision_usd) AS precision_usd FROM cur)
    SELECT rank() OVER (ORDER BY cur.value_usd DESC) AS rank, cur.code, cur.value_usd,
           round(100 * cur.value_usd / t.total_usd, 2)::DOUBLE AS share_pct,
           cur.value_usd - prev.value_usd AS change_usd,
           CASE WHEN prev.value_usd > 0 THEN round(100 * (cur.value_usd - prev.value_usd) / prev.value_usd, 2) END::DOUBLE AS change_pct,
           cur.precision_usd, cur.provinces, cur.source, cur.shape, t.total_usd,
           round(100 * l.value_usd / t.total_usd, 2)::DOUBLE AS detail_coverage_pct,
           CASE WHEN _province IS NULL
                THEN NOT EXISTS (SELECT 1 FROM comp WHERE NOT complete)
                ELSE coalesce((SELECT complete FROM comp), false) END AS complete
    FROM cur CROSS JOIN total t CROSS JOIN listed l LEFT JOIN prev ON prev.code = cur.code;
