-- Schema version 15: the monthly report's facts are kept (issue 33).
--
-- month_facts (the report's facts) ranked its three leaders' chapters and countries on every
-- call, two detail_tops plans that were about two thirds of its time on the bundled data, and
-- read five more kept facts, each scan planned anew (about 1.5 ms apiece). A month's facts depend
-- only on the data, so they are kept as the province-level facts are (migration 010): the
-- leaders' detail in `facts_report_detail` (view `report_detail_all`), the whole of a month's
-- facts in `facts_month_facts` (view `month_facts_all`), and month_facts is one filtered scan.
-- The leaders' detail reads the detail table (10 million rows and more), so a change refills it
-- only for the months it touches and the same months a year later, whose changes compare with
-- them (src/db/facts.rs): a load of one month's totals refills two months of it, not every month
-- of a large table. A test checks each table against its view after each kind of change
-- (tests/facts.rs).

-- One month's leaders (the first three of the month's ranking, as the report names them) with
-- their first three chapters and countries: detail_tops for the three at once (a lateral join
-- planned the ranking anew for each province and dimension). No leaders is an empty list, not
-- NULL, which would rank Turkey's.
CREATE OR REPLACE MACRO report_detail(_year, _month, _basis) AS TABLE
    WITH leaders AS (
        SELECT code, province, row_number() OVER (ORDER BY rank, province) AS position
        FROM province_ranking(_year, _month, 'month', _basis) WHERE rank <= 5
        QUALIFY position <= 3
    )
    SELECT l.position AS leader, l.province, l.code AS province_code, d.* EXCLUDE (ranked_for)
    FROM (SELECT 'chapter' AS section, * FROM detail_tops(_year, _month, 'month', _basis, (SELECT coalesce(list(code), []) FROM leaders), 'product')
          UNION ALL
          SELECT 'country' AS section, * FROM detail_tops(_year, _month, 'month', _basis, (SELECT coalesce(list(code), []) FROM leaders), 'country')) d
    JOIN leaders l ON l.code = d.ranked_for
    WHERE d.rank <= 3;

-- The months that can have a report's detail: a ranking (so leaders) and detail rows. Any other
-- month's report_detail is empty, and planning it costs as much as a month with rows.
CREATE OR REPLACE VIEW report_detail_months AS
    SELECT DISTINCT year, month, basis FROM facts_province_ranking WHERE period = 'month'
    INTERSECT
    SELECT DISTINCT year, month, basis FROM detail;

-- report_detail for every month, keyed by year, month and basis.
CREATE OR REPLACE VIEW report_detail_all AS
    SELECT m.year, m.month, m.basis, d.*
    FROM report_detail_months m, LATERAL report_detail(m.year, m.month, m.basis) d;

CREATE OR REPLACE TABLE facts_report_detail AS FROM report_detail_all LIMIT 0;

-- The facts of every month (migration 012's month_facts, each part read for every month at once
-- from its kept table), keyed by year, month and basis, in the order a month's facts are read
-- (`position`): the national figures of the year to date (of the year in December), the panel, the
-- first five provinces, the five largest increases, then each leader's chapters and countries.
-- Every month of fact_periods has its rows, as every call of the macro had: a month without data
-- states why its national figures are missing.
CREATE OR REPLACE VIEW month_facts_all AS
    WITH months AS (SELECT year, month, basis FROM fact_periods WHERE period = 'month'),
    national AS (SELECT * FROM facts_national_figures WHERE period = CASE WHEN month = 12 THEN 'year' ELSE 'ytd' END),
    top AS (SELECT * FROM facts_province_ranking WHERE period = 'month' AND rank <= 5),
    increases AS (SELECT * FROM facts_increase_ranking WHERE period = 'month' AND rank <= 5),
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
        SELECT year, month, basis, 4, rank, 'increase', 'month', NULL, rank, province, code, NULL, NULL, change_usd::DECIMAL(18, 2), change_pct, origin,
               source, NULL, NULL, panel, NULL, NULL
        FROM increases
        WHERE change_usd IS NOT NULL
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

CREATE OR REPLACE TABLE facts_month_facts AS FROM month_facts_all LIMIT 0;

-- One month of month_facts_all, as facts_month_facts keeps it, in its order.
CREATE OR REPLACE MACRO month_facts(_year, _month, _basis) AS TABLE
    SELECT * EXCLUDE (year, month, basis, position) FROM facts_month_facts
    WHERE year = _year AND month = _month AND basis = _basis
    ORDER BY position;
