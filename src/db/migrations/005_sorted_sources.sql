-- Schema version 5: results that list several sources list them in one order, every time.
-- `string_agg(DISTINCT …)` without an ORDER BY joins in whatever order DuckDB's threads finish, so
-- the same query could print a detail figure's sources in two orders (the web server's CSV and
-- `run`'s differed). detail_cells is the 004 macro with its sources sorted.

CREATE OR REPLACE MACRO detail_cells(_year, _month, _period, _basis, _dimension, _province := NULL) AS TABLE
    WITH rows AS (
        SELECT province_code, month, value_usd, precision_usd, source, complete_table, load_id IS NOT NULL AS loaded,
               CASE WHEN _dimension = 'product' THEN product_code ELSE country_code END AS code,
               CASE WHEN country_code <> 'ALL' AND product_code <> 'ALL' THEN 'full table'
                    WHEN _dimension = 'product' AND country_code = 'ALL' THEN 'two-way'
                    WHEN _dimension = 'country' AND product_code = 'ALL' THEN 'two-way' END AS shape
        FROM detail
        WHERE basis = _basis AND year = _year
          AND month BETWEEN period_first_month(_period, _month) AND period_last_month(_period, _month)
          AND (_province IS NULL OR province_code = _province)
    ),
    sourced AS (
        SELECT * FROM (
            SELECT *, bool_or(loaded) OVER (PARTITION BY province_code, month) AS has_loaded FROM rows
        ) WHERE loaded OR NOT has_loaded
    ),
    chosen AS (
        SELECT *, bool_or(shape = 'two-way') OVER (PARTITION BY province_code, month) AS has_two_way
        FROM sourced WHERE shape IS NOT NULL
    )
    SELECT province_code, code, value_usd, precision_usd, source, complete_table, shape
    FROM (
        SELECT province_code, code, sum(value_usd) AS value_usd, sum(precision_usd) AS precision_usd,
               string_agg(DISTINCT source, ' ; ' ORDER BY source) AS source, bool_and(complete_table) AS complete_table, any_value(shape) AS shape,
               -- The months present, as bits: a distinct count cost up to a fifth of the query.
               bit_count(bit_or(1::INTEGER << month)) AS months
        FROM chosen
        WHERE shape = CASE WHEN has_two_way THEN 'two-way' ELSE 'full table' END
        GROUP BY province_code, code
    )
    WHERE months = period_month_count(_period, _month);
