-- Schema version 21: each month against the month before, kept (issue 33).
--
-- mom_change read two months of `exports`, joined them to the provinces and rounded the change
-- at every call: 6 ms through `run` where the plain ranking takes 2, nearly all of it DuckDB
-- planning the joins and the rounding macros for a few dozen rows. What it shows depends only on
-- the data, so it is kept like the ranking (design rule 44): the view below is the analysis's own
-- SQL for every month at once, and the analysis reads one month of the kept table. The rules are
-- unchanged.

-- Every province with a value in a month or in the month before (December of the year before, for
-- January), the two side by side with their change. The change is shown only where both values
-- are loaded or both come from releases (a release compares with its own revised figures, so a
-- loaded value beside a release's is compared with nothing), at the precision of their roundings;
-- and where the month's value comes from (origin, source), which a chart credits.
CREATE OR REPLACE VIEW month_changes_all AS
    -- Each month's values (the kept facts of the month, with their origin and source), and the
    -- same values again as the previous month of the month after: the two sides paired in one
    -- pass, as the facts of a period pair it with the year before.
    -- A month's value is one row of `exports`, so it keeps that table's DECIMAL(18, 2) (the
    -- facts' sums widen it to 38 digits).
    WITH months AS (
        SELECT year, month, basis, province_code, value_usd::DECIMAL(18, 2) AS value_usd, precision_usd,
               origin = 'loaded' AS loaded, origin, source
        FROM facts_province_values WHERE period = 'month'
    ),
    sides AS (
        SELECT year, month, basis, province_code, true AS current, value_usd, precision_usd, loaded, origin, source
        FROM months
        UNION ALL
        SELECT CASE WHEN month = 12 THEN year + 1 ELSE year END, CASE WHEN month = 12 THEN 1 ELSE month + 1 END,
               basis, province_code, false, value_usd, precision_usd, loaded, NULL, NULL
        FROM months
    ),
    paired AS (
        SELECT year, month, basis, province_code,
               any_value(value_usd) FILTER (WHERE current) AS value_usd, any_value(precision_usd) FILTER (WHERE current) AS precision_usd,
               any_value(loaded) FILTER (WHERE current) AS loaded,
               any_value(origin) FILTER (WHERE current) AS origin, any_value(source) FILTER (WHERE current) AS source,
               any_value(value_usd) FILTER (WHERE NOT current) AS prev_usd, any_value(precision_usd) FILTER (WHERE NOT current) AS prev_precision,
               any_value(loaded) FILTER (WHERE NOT current) AS prev_loaded
        FROM sides
        GROUP BY year, month, basis, province_code
    ),
    -- The percent and its precision are columns before shown_pct rounds them: it repeats its
    -- precision six times, and DuckDB plans every copy of an expression (a column costs nothing).
    changes AS (
        SELECT k.year, k.month, k.basis, p.name AS province, p.code, k.value_usd, k.prev_usd AS previous_month_usd, k.origin, k.source,
               CASE WHEN k.loaded = k.prev_loaded THEN shown_usd(k.value_usd - k.prev_usd, k.precision_usd + k.prev_precision) END AS change_usd,
               CASE WHEN k.loaded = k.prev_loaded AND k.prev_usd > 0
                    THEN 100 * (k.value_usd - k.prev_usd) / k.prev_usd END AS unrounded_pct,
               CASE WHEN k.loaded = k.prev_loaded AND k.prev_usd > 0
                    THEN 100 * (k.precision_usd::DOUBLE / k.prev_usd::DOUBLE + k.value_usd::DOUBLE * k.prev_precision::DOUBLE / pow(k.prev_usd::DOUBLE, 2)) END AS pct_precision
        FROM paired k
        JOIN provinces p ON p.code = k.province_code
    )
    SELECT year, month, basis, province, code, value_usd, previous_month_usd, change_usd,
           shown_pct(unrounded_pct, pct_precision) AS change_pct, origin, source
    FROM changes;

CREATE OR REPLACE TABLE facts_month_changes AS FROM month_changes_all LIMIT 0;

-- One month of month_changes_all, as facts_month_changes keeps it.
CREATE OR REPLACE MACRO month_changes(_year, _month, _basis) AS TABLE
    SELECT * EXCLUDE (year, month, basis) FROM facts_month_changes
    WHERE year = _year AND month = _month AND basis = _basis;
