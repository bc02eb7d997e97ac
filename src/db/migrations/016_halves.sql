-- Schema version 16: a percent's last digit is rounded as a person rounds it, a half away from
-- zero (1.005 % to two decimals is 1.01 %).
--
-- A percent is a ratio computed in DOUBLE, and DOUBLE holds 1.005 as 1.00499999999999989…:
-- round(1.005, 2) gave 1.0, where a reader working the same figures by hand prints 1.01 (and a
-- share of 100,500,000 in 10,000,000,000 is exactly 1.005 %). Read as a DECIMAL with ten places
-- first, the ratio is its decimal value again, and DuckDB rounds a DECIMAL's half away from zero.
-- A value within 5e-11 of a half counts as the half; no source prints a percent to ten places.
-- The same rule as the text's numbers (`language::fixed` in the Rust layer), so that a table and
-- the sentence beside it agree.
--
-- Every percent the schema rounds goes through round_half_away: shown_pct (the kept facts'
-- changes and shares), and below, copied from the migrations that last defined them with only
-- round( changed, national_figures_all (011: the national change) and detail_rankings and
-- detail_by_province (012: the detail's shares and changes). The named queries in sql/ call it
-- too. A migration refills the kept facts, so they are rounded anew.

-- _value to _digits decimals (0, 1, 2 or 3), a half away from zero, as DOUBLE. DuckDB rounds a
-- DECIMAL only to a constant number of places, so the value is scaled by 10^_digits, rounded to a
-- whole number and scaled back; TRY_CAST leaves a value no DECIMAL holds (infinity, a ratio over
-- 10^28) NULL rather than failing the query.
CREATE OR REPLACE MACRO round_half_away(_value, _digits) AS
    (round(TRY_CAST(_value AS DECIMAL(38, 10)) * (10 ** _digits)::BIGINT) / (10 ** _digits)::BIGINT)::DOUBLE;

-- shown_pct (migrations 008 and 013): the same digits, two for an exact value, one where the
-- first decimal is known, none where it is not, each rounded a half away from zero.
CREATE OR REPLACE MACRO shown_pct(_value, _precision) AS
    round_half_away(_value, CASE WHEN _precision IS NULL OR _precision <= 0 THEN 2 WHEN _precision < 1 THEN 1 ELSE 0 END);

-- national_figures_all (migration 011), the national change rounded a half away from zero.
CREATE OR REPLACE VIEW national_figures_all AS
    WITH complete AS (SELECT year, month, period, basis, province_code, value_usd FROM facts_period_values WHERE complete),
    panels AS (
        SELECT year, month, period, basis, count(*) AS provinces, sum(value_usd) AS total,
               count(*) FILTER (WHERE value_usd > 1000000000) AS over_1b
        FROM complete GROUP BY year, month, period, basis
    ),
    rising AS (
        SELECT c.year, c.month, c.period, c.basis, count(*) FILTER (WHERE c.value_usd > p.value_usd) AS increased
        FROM complete c
        JOIN complete p ON p.year = c.year - 1 AND p.month = c.month AND p.period = c.period AND p.basis = c.basis
                       AND p.province_code = c.province_code
        GROUP BY c.year, c.month, c.period, c.basis
    ),
    panel AS (
        SELECT k.year, k.month, k.period, k.basis, coalesce(n.provinces, 0) AS now, coalesce(b.provinces, 0) AS before,
               n.total, b.total AS before_total, n.over_1b, coalesce(r.increased, 0) AS increased
        FROM fact_periods k
        LEFT JOIN panels n USING (year, month, period, basis)
        LEFT JOIN panels b ON b.year = k.year - 1 AND b.month = k.month AND b.period = k.period AND b.basis = k.basis
        LEFT JOIN rising r ON r.year = k.year AND r.month = k.month AND r.period = k.period AND r.basis = k.basis
    ),
    computed AS (
        SELECT year, month, period, basis, 'total_exports' AS metric, 1 AS position,
               CASE WHEN now = 81 THEN total END::DECIMAL(18, 2) AS value
        FROM panel
        UNION ALL
        SELECT year, month, period, basis, 'total_change_pct', 2,
               CASE WHEN now = 81 AND before = 81 THEN round_half_away(100 * (total / before_total - 1), 1) END::DECIMAL(18, 2)
        FROM panel
        UNION ALL
        SELECT year, month, period, basis, 'provinces_over_1b', 3, CASE WHEN now = 81 THEN over_1b END::DECIMAL(18, 2)
        FROM panel
        UNION ALL
        SELECT year, month, period, basis, 'provinces_increased', 4,
               CASE WHEN now = 81 AND before = 81 THEN increased END::DECIMAL(18, 2)
        FROM panel
    ),
    published AS (
        SELECT year, month, period, basis, metric, value, precision, source_url AS source, false AS derived
        FROM published_national_all WHERE metric <> 'total_exports'
        UNION ALL
        SELECT year, month, period, basis, 'total_exports', total_usd, precision_usd, source, derived
        FROM national_total_all
    )
    SELECT c.year, c.month, c.period, c.basis, c.metric,
           coalesce(c.value, pub.value) AS value,
           CASE WHEN c.value IS NOT NULL THEN 'computed' WHEN pub.derived THEN 'derived' WHEN pub.value IS NOT NULL THEN 'published' END AS origin,
           c.value AS computed,
           pub.value AS published,
           pub.precision AS published_precision,
           pub.source AS source,
           p.now AS panel,
           CASE WHEN c.value IS NULL AND pub.value IS NULL
                THEN format('not computable: {} of 81 provinces have a value for the period{}; and no release in the data states it',
                            p.now, CASE WHEN c.metric IN ('total_change_pct', 'provinces_increased')
                                        THEN format(' ({} a year earlier)', p.before) ELSE '' END) END AS missing,
           c.position
    FROM computed c
    JOIN panel p USING (year, month, period, basis)
    LEFT JOIN published pub USING (year, month, period, basis, metric);

-- detail_rankings (migration 012), its percents rounded a half away from zero.
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
           round_half_away(100 * value_usd / total_usd, 2)::DOUBLE AS share_pct,
           value_usd - previous_usd AS change_usd,
           CASE WHEN previous_usd > 0 THEN round_half_away(100 * (value_usd - previous_usd) / previous_usd, 2) END::DOUBLE AS change_pct,
           precision_usd, provinces, source, shape, total_usd,
           round_half_away(100 * sum(value_usd) OVER (PARTITION BY ranked_for) / total_usd, 2)::DOUBLE AS detail_coverage_pct,
           complete
    FROM ranked;

-- detail_by_province (migration 012), its percents rounded a half away from zero.
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
           CASE WHEN c.previous_usd > 0 THEN round_half_away(100 * (c.value_usd - c.previous_usd) / c.previous_usd, 2) END::DOUBLE AS change_pct,
           round_half_away(100 * c.value_usd / sum(c.value_usd) OVER (), 2)::DOUBLE AS share_of_code_pct,
           round_half_away(100 * c.value_usd / v.value_usd, 2)::DOUBLE AS share_of_province_pct
    FROM provinces p
    JOIN cells c ON c.province_code = p.code
    LEFT JOIN province_values(_year, _month, _period, _basis) v ON v.province_code = p.code;
