-- Schema version 11: the four national figures of every period kept too (migration 010's way),
-- for national_summary and the report (month_facts).

-- A release's statement of a national figure for each period: stated ones first, then the latest
-- release, then the finer rounding, then the source first in byte order. `period=year` is stored
-- at month 12.
CREATE OR REPLACE VIEW published_national_all AS
    SELECT year, month, period, basis, metric, value, precision, source_url
    FROM published_figures
    WHERE province_code IS NULL AND NOT derived
    QUALIFY row_number() OVER (PARTITION BY year, month, period, basis, metric
                               ORDER BY note IS NOT NULL, release_year * 12 + release_month DESC, precision, source_url) = 1;

-- Each period's four national figures (national_summary): total exports, their change against
-- the same period a year earlier, the number of provinces over 1 billion USD and the number whose
-- exports rose. Computed only from a complete panel (all 81 provinces, and a year earlier for the
-- changes), else as a release stated it, else NULL with the reason in `missing` (design rule 6).
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
               CASE WHEN now = 81 AND before = 81 THEN round(100 * (total / before_total - 1), 1) END::DECIMAL(18, 2)
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

CREATE OR REPLACE TABLE facts_national_figures AS FROM national_figures_all LIMIT 0;

-- One period of national_figures_all, as facts_national_figures keeps it.
CREATE OR REPLACE MACRO national_figures(_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (year, month, period, basis) FROM facts_national_figures
    WHERE year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis;

-- One period's statement of a national figure (not kept: a filtered scan of the statements).
CREATE OR REPLACE MACRO published_national(_year, _month, _period, _basis, _metric) AS TABLE
    SELECT value, precision, source_url FROM published_national_all
    WHERE year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis AND metric = _metric;
