-- Schema version 10: the facts the analyses are built on, kept in tables (issue 33).
--
-- Each fact is defined once, as a view over every period it can describe: `province_values_all`
-- holds each province's value for every month, year-to-date and year on each basis, keyed by
-- (year, month, period, basis) where month is the period's last month (12 for a year). The
-- facts depend only on the data, which changes only in a load, an unload or a refresh of the
-- bundled rows, so each view is also kept as a table (`facts_province_values` for
-- `province_values_all`), refilled in the same transaction as every such change
-- (src/db/facts.rs; a test checks that each table equals its view). The macros the named
-- queries call (`province_values(year, month, period, basis)`, …) read one period of a table:
-- a scan of a few hundred rows, where planning the tree of macros for each call cost 5-40 ms.
-- A view reads the data and the kept facts below it, so that a refill goes from the bottom up,
-- each fact computed once (a complete panel of 20 years refills in a fraction of a second); a
-- test checks every table against its view after each kind of change, so by induction from the
-- facts that read only the data, every table is what a fresh computation gives. Each table is
-- created beside its view (a migration that changes a view's columns creates it again).
--
-- The rules are migration 008's, each written for all periods at once; two changes:
-- - A month's change is its own release's (design rule 26) also where a later page printed the
--   month again with another value (İzmir September 2024: 1,631 million on a page of September
--   2025, where its own release printed 1,627 million and -25,5 %): the value shown is the later
--   statement (design rule 1), the change and the previous value are its own release's.
-- - Where two statements tie on every rule of choice, the source first in byte order is credited,
--   so that the same data always gives the same answer.

-- The periods that end in each month: the month itself, January to the month, and the year.
CREATE OR REPLACE VIEW period_spans AS
    SELECT 'month' AS period, m::INTEGER AS month, m::INTEGER AS first_month FROM range(1, 13) t(m)
    UNION ALL
    SELECT 'ytd', m::INTEGER, 1 FROM range(1, 13) t(m)
    UNION ALL
    SELECT 'year', 12, 1;

-- Every period a named query can ask for (years 2000 to 2100, as their parameters allow), on every
-- basis: the periods a denominator is given for, with or without data.
CREATE OR REPLACE VIEW fact_periods AS
    SELECT y::INTEGER AS year, s.month, s.period, b.basis
    FROM range(2000, 2101) t(y)
    CROSS JOIN period_spans s
    CROSS JOIN (SELECT basis FROM exports UNION SELECT basis FROM published_figures
                UNION SELECT unnest(['activity', 'registered'])) b(basis);

-- Each province's exports summed over each period; `complete` when every month of the period is
-- present. `origin` says where the months came from: published (a release), derived (from a
-- release's stated change), loaded (a user's file), or mixed.
CREATE OR REPLACE VIEW period_values_all AS
    SELECT *, months = period_month_count(period, month) AS complete
    FROM (
        SELECT e.year, s.month, s.period, e.basis, e.province_code,
               sum(e.value_usd) AS value_usd,
               count(*) AS months,
               CASE WHEN bool_and(e.load_id IS NOT NULL) THEN 'loaded'
                    WHEN bool_or(e.derived) THEN 'derived'
                    WHEN bool_and(e.load_id IS NULL) THEN 'published'
                    ELSE 'mixed' END AS origin,
               CASE WHEN count(DISTINCT e.source) = 1 THEN any_value(e.source)
                    ELSE format('{} sources', count(DISTINCT e.source)) END AS source,
               sum(e.precision_usd) AS precision_usd
        FROM exports e JOIN period_spans s ON e.month BETWEEN s.first_month AND s.month
        GROUP BY e.year, s.month, s.period, e.basis, e.province_code
    );

CREATE OR REPLACE TABLE facts_period_values AS FROM period_values_all LIMIT 0;

-- A province's value for a period, with its precision: the sum of its months when all are
-- present, else (for ytd and year, design rule 6) the value a release stated for that period.
CREATE OR REPLACE VIEW province_values_all AS
    WITH computed AS (
        SELECT year, month, period, basis, province_code, value_usd, origin, source, precision_usd
        FROM facts_period_values WHERE complete
    ),
    stated AS (
        SELECT year, month, period, basis, province_code, value AS value_usd,
               CASE WHEN derived THEN 'derived' ELSE 'published' END AS origin, source_url AS source, precision AS precision_usd
        FROM published_figures
        WHERE metric = 'exports' AND province_code IS NOT NULL AND period <> 'month'
        QUALIFY row_number() OVER (PARTITION BY year, month, period, basis, province_code
                                   ORDER BY derived, note IS NOT NULL, release_year * 12 + release_month DESC, precision, source_url) = 1
    )
    SELECT * FROM computed
    UNION ALL
    SELECT * FROM stated s
    WHERE NOT EXISTS (SELECT 1 FROM computed c WHERE c.year = s.year AND c.month = s.month AND c.period = s.period
                                                 AND c.basis = s.basis AND c.province_code = s.province_code);

CREATE OR REPLACE TABLE facts_province_values AS FROM province_values_all LIMIT 0;

-- What a period's own release stated beside each value shown that a release stated: the increase
-- and the percent change against the same period a year earlier (design rule 26). The own
-- statement is the one the release of the period itself made (the page of the value shown first,
-- where the release's pages differ), also where a later page printed the period again with
-- another value; else that of the value shown. A statement of the release is found
-- on any of its pages (news pages split a release between them), this page first. `doubtful`
-- marks a change whose own statement carries a doubt (March 2024 İstanbul's "-23", probably
-- -2.3): no change is shown for it, and change_origin says `doubtful`.
CREATE OR REPLACE VIEW stated_changes_all AS
    WITH cur AS (FROM facts_province_values WHERE origin = 'published'),
    own AS (
        SELECT cur.year, cur.month, cur.period, cur.basis, e.province_code, e.value, e.precision, e.source_url, e.note,
               e.release_year, e.release_month, e.release_kind
        FROM cur JOIN published_figures e
          ON e.province_code = cur.province_code AND e.year = cur.year AND e.month = cur.month
         AND e.period = cur.period AND e.basis = cur.basis
        WHERE e.metric = 'exports' AND NOT e.derived
          AND ((e.source_url = cur.source AND e.value = cur.value_usd)
               OR (e.release_year = cur.year AND e.release_month = cur.month))
        QUALIFY row_number() OVER (PARTITION BY cur.year, cur.month, cur.period, cur.basis, e.province_code
                                   ORDER BY e.release_year = cur.year AND e.release_month = cur.month DESC,
                                            e.source_url = cur.source AND e.value = cur.value_usd DESC,
                                            e.release_year * 12 + e.release_month DESC, e.precision, e.source_url) = 1
    ),
    said AS (
        SELECT o.year, o.month, o.period, o.basis, o.province_code,
               any_value(o.value) AS value, any_value(o.precision) AS precision,
               first(c.value ORDER BY c.source_url <> o.source_url, c.precision, c.source_url) FILTER (WHERE c.metric = 'increase') AS increase,
               first(c.precision ORDER BY c.source_url <> o.source_url, c.precision, c.source_url) FILTER (WHERE c.metric = 'increase') AS increase_precision,
               first(c.value ORDER BY c.source_url <> o.source_url, c.precision, c.source_url) FILTER (WHERE c.metric = 'change_pct') AS pct,
               first(c.precision ORDER BY c.source_url <> o.source_url, c.precision, c.source_url) FILTER (WHERE c.metric = 'change_pct') AS pct_precision,
               first(c.source_url ORDER BY c.metric <> 'increase', c.source_url <> o.source_url, c.precision, c.source_url) AS change_source,
               -- Only a doubt of the change's own (not one its value carries alone: Bursa January
               -- 2024's value is doubted, its +0,4 % is not).
               bool_or(c.note IS NOT NULL AND c.note IS DISTINCT FROM o.note) AS doubtful
        FROM own o
        JOIN published_figures c
          ON c.province_code = o.province_code AND c.release_year = o.release_year AND c.release_month = o.release_month
         AND c.release_kind = o.release_kind AND c.metric IN ('increase', 'change_pct') AND NOT c.derived
         AND c.period = o.period AND c.year = o.year AND c.month = o.month AND c.basis = o.basis
        GROUP BY o.year, o.month, o.period, o.basis, o.province_code
    )
    -- The previous value the release implies: its value minus its increase, else its value divided
    -- by 1 + its percent change (coarser: the percent is printed to a decimal). own_usd is the
    -- value the release printed, which its change is of.
    SELECT year, month, period, basis, province_code, increase, increase_precision, pct, pct_precision, change_source, doubtful,
           value AS own_usd, precision AS own_precision,
           CASE WHEN increase IS NOT NULL THEN value - increase
                WHEN pct > -100 THEN value / (1 + pct / 100) END AS previous_usd,
           CASE WHEN increase IS NOT NULL THEN precision + increase_precision
                WHEN pct > -100 THEN precision::DOUBLE / (1 + pct::DOUBLE / 100) + value::DOUBLE * pct_precision::DOUBLE / 100 / pow(1 + pct::DOUBLE / 100, 2) END AS previous_precision
    FROM said;

CREATE OR REPLACE TABLE facts_stated_changes AS FROM stated_changes_all LIMIT 0;

-- Every province with a value in a period or in the same period a year earlier, side by side
-- (design rule 26). Where the period's own release states the change, that change is shown, with
-- the previous value the release implies (marked derived, at its precision); a change of its own
-- is computed only where both values are loaded, or both come from releases and the current
-- one's release states no change. A loaded value beside a release's is compared with nothing.
-- Every figure is shown at the precision it has (design rule 27); change_precision,
-- precision_usd and previous_precision are the widths of the roundings of change_usd, value_usd
-- and previous_usd.
CREATE OR REPLACE VIEW period_compare_all AS
    -- Each province's value and its value a year earlier, paired in one pass (a union and two
    -- joins held three hash tables at once: 50 MB for a thousand rows).
    WITH sides AS (
        SELECT year, month, period, basis, province_code, true AS current, value_usd, precision_usd, origin, source FROM facts_province_values
        UNION ALL
        SELECT year + 1, month, period, basis, province_code, false, value_usd, precision_usd, origin, source FROM facts_province_values
    ),
    paired AS (
        SELECT year, month, period, basis, province_code,
               any_value(value_usd) FILTER (WHERE current) AS value_usd, any_value(precision_usd) FILTER (WHERE current) AS precision_usd,
               any_value(origin) FILTER (WHERE current) AS origin, any_value(source) FILTER (WHERE current) AS source,
               any_value(value_usd) FILTER (WHERE NOT current) AS prev_usd, any_value(precision_usd) FILTER (WHERE NOT current) AS prev_precision,
               any_value(origin) FILTER (WHERE NOT current) AS prev_origin, any_value(source) FILTER (WHERE NOT current) AS prev_source
        FROM sides
        GROUP BY year, month, period, basis, province_code
    ),
    joined AS (
        SELECT k.year, k.month, k.period, k.basis, p.code AS province_code, p.name AS province,
               k.value_usd, k.precision_usd, k.origin, k.source, k.prev_usd, k.prev_precision, k.prev_origin, k.prev_source,
               s.province_code IS NOT NULL AS stated, coalesce(s.doubtful, false) AS doubtful,
               s.increase, s.increase_precision, s.pct, s.pct_precision, s.change_source,
               s.previous_usd AS implied_usd, s.previous_precision AS implied_precision,
               s.own_usd, s.own_precision,
               CASE WHEN k.origin = 'loaded' AND k.prev_origin = 'loaded' THEN 'exact'
                    WHEN k.origin IN ('published', 'derived') AND k.prev_origin IN ('published', 'derived') THEN 'releases'
               END AS comparable
        FROM paired k
        JOIN provinces p ON p.code = k.province_code
        LEFT JOIN facts_stated_changes s USING (year, month, period, basis, province_code)
    ),
    changed AS (
        SELECT *,
               CASE WHEN stated AND NOT doubtful THEN 'published'
                    -- Withheld, and said why: the release printed a change the data doubts.
                    WHEN stated THEN 'doubtful'
                    WHEN comparable IS NOT NULL AND value_usd IS NOT NULL AND prev_usd IS NOT NULL THEN 'computed'
               END AS change_origin
        FROM joined
    ),
    figures AS (
        SELECT *,
               CASE WHEN change_origin = 'published' THEN implied_usd ELSE prev_usd END AS previous_raw,
               CASE WHEN change_origin = 'published' THEN implied_precision ELSE prev_precision END AS previous_precision,
               -- The release's own change: of the value it printed, which a later page may have
               -- restated (the value shown then differs from it by the restatement).
               CASE WHEN change_origin = 'published' THEN coalesce(increase, own_usd - implied_usd)
                    WHEN change_origin = 'computed' THEN value_usd - prev_usd END AS change_raw,
               CASE WHEN change_origin = 'published' THEN coalesce(increase_precision, implied_precision + own_precision)
                    WHEN change_origin = 'computed' THEN precision_usd + prev_precision END AS change_precision
        FROM changed
    )
    SELECT year, month, period, basis, province_code, province, value_usd,
           shown_usd(previous_raw, previous_precision) AS previous_usd,
           shown_usd(change_raw, change_precision) AS change_usd,
           CASE WHEN change_origin = 'published' AND pct IS NOT NULL THEN pct::DOUBLE
                WHEN change_origin = 'published' AND own_usd - increase > 0
                     THEN shown_pct(100 * increase / (own_usd - increase),
                                    100 * (increase_precision::DOUBLE / (own_usd - increase)::DOUBLE
                                           + increase::DOUBLE * (own_precision + increase_precision)::DOUBLE / pow((own_usd - increase)::DOUBLE, 2)))
                WHEN change_origin = 'computed' AND prev_usd > 0
                     THEN shown_pct(100 * (value_usd - prev_usd) / prev_usd,
                                    100 * (precision_usd::DOUBLE / prev_usd::DOUBLE + value_usd::DOUBLE * prev_precision::DOUBLE / pow(prev_usd::DOUBLE, 2)))
           END AS change_pct,
           origin, source,
           CASE WHEN change_origin = 'published' THEN 'derived' ELSE prev_origin END AS previous_origin,
           CASE WHEN change_origin = 'published' THEN change_source ELSE prev_source END AS previous_source,
           change_origin, change_precision, precision_usd, previous_precision
    FROM figures;

CREATE OR REPLACE TABLE facts_period_compare AS FROM period_compare_all LIMIT 0;

-- Turkey's total exports for each period as a release gave it: a stated total first, else one
-- derived from two stated year-to-date totals (seed.sql), marked derived; leaving out a total
-- rounded coarser than 1 % of itself ("yaklaşık 260 milyar dolar"): a share of it would print
-- digits nobody knows. It stays in published_figures and in `revisions`.
CREATE OR REPLACE VIEW national_total_all AS
    SELECT year, month, period, basis, value AS total_usd, precision AS precision_usd, source_url AS source, derived, derived_from
    FROM published_figures
    WHERE province_code IS NULL AND metric = 'total_exports' AND precision <= value / 100
    QUALIFY row_number() OVER (PARTITION BY year, month, period, basis
                               ORDER BY derived, note IS NOT NULL, release_year * 12 + release_month DESC, precision, source_url) = 1;

-- What shares are of (design rule 7), for every period a query can ask for: the sum of the
-- provinces on a complete panel, else the published national total, else none, with the
-- precision of the denominator. A share is shown at the precision it has (design rule 27): of a
-- month's total derived from two year-to-date totals rounded to 100 million, İstanbul's share is
-- 20.3 %, not 20.27 %.
CREATE OR REPLACE VIEW period_denominator_all AS
    WITH panels AS (
        SELECT year, month, period, basis, sum(value_usd) AS total, sum(precision_usd) AS precision, count(*) AS provinces
        FROM facts_province_values
        GROUP BY year, month, period, basis
    ),
    panel AS (
        SELECT k.year, k.month, k.period, k.basis, p.total, p.precision, coalesce(p.provinces, 0) AS provinces
        FROM fact_periods k LEFT JOIN panels p USING (year, month, period, basis)
    )
    SELECT panel.year, panel.month, panel.period, panel.basis,
           CASE WHEN panel.provinces = 81 THEN panel.total ELSE n.total_usd END AS total_usd,
           CASE WHEN panel.provinces = 81 AND n.total_usd IS NOT NULL AND abs(panel.total - n.total_usd) > n.precision_usd / 2
                    THEN format('sum of all 81 provinces ({} USD; the published national total is {} USD)',
                                panel.total::BIGINT, n.total_usd::BIGINT)
                WHEN panel.provinces = 81 THEN 'sum of all 81 provinces'
                WHEN n.derived THEN 'national total derived from published year-to-date totals'
                WHEN n.total_usd IS NOT NULL THEN 'published national total'
                ELSE format('none: {} of 81 provinces have a value and no national total was published', panel.provinces)
           END AS share_of,
           panel.provinces AS panel,
           CASE WHEN panel.provinces = 81 THEN NULL ELSE n.source END AS total_source,
           CASE WHEN panel.provinces = 81 THEN panel.precision ELSE n.precision_usd END AS precision_usd
    FROM panel LEFT JOIN national_total_all n USING (year, month, period, basis);

CREATE OR REPLACE TABLE facts_period_denominator AS FROM period_denominator_all LIMIT 0;

-- Each province's value for each period with its rank, and its precision: the data ranks a
-- complete panel (ties share a rank); otherwise the rank is the one a release gave beside the
-- value shown.
CREATE OR REPLACE VIEW province_ranks_all AS
    WITH v AS (FROM facts_province_values),
    panel AS (SELECT year, month, period, basis, count(*) AS provinces FROM v GROUP BY year, month, period, basis),
    stated AS (
        SELECT year, month, period, basis, province_code,
               arg_min(rank, (note IS NOT NULL)::INTEGER * 1000000 - (release_year * 12 + release_month)) AS rank
        FROM published_figures
        WHERE metric = 'exports' AND NOT derived AND rank IS NOT NULL AND province_code IS NOT NULL
        GROUP BY year, month, period, basis, province_code
    )
    SELECT v.year, v.month, v.period, v.basis, v.province_code, v.value_usd, v.origin, v.source, panel.provinces AS panel,
           CASE WHEN panel.provinces = 81 THEN rank() OVER (PARTITION BY v.year, v.month, v.period, v.basis ORDER BY v.value_usd DESC)
                ELSE s.rank END AS rank,
           CASE WHEN panel.provinces = 81 THEN 'computed' WHEN s.rank IS NOT NULL THEN 'published' END AS rank_origin,
           v.precision_usd
    FROM v JOIN panel USING (year, month, period, basis)
    LEFT JOIN stated s ON s.year = v.year AND s.month = v.month AND s.period = v.period AND s.basis = v.basis
                      AND s.province_code = v.province_code AND v.origin = 'published';

CREATE OR REPLACE TABLE facts_province_ranks AS FROM province_ranks_all LIMIT 0;

-- Every ranked province of each period (top_provinces without its limit): value, share, and the
-- change period_compare shows for it (its own release's where that release stated one).
CREATE OR REPLACE VIEW province_ranking_all AS
    SELECT r.year, r.month, r.period, r.basis,
           r.rank, p.name AS province, r.province_code AS code, r.value_usd,
           share_pct(r.value_usd, r.precision_usd, d.total_usd, d.precision_usd) AS share_pct,
           c.change_usd, c.change_pct, c.previous_usd, c.change_origin,
           r.rank_origin, d.panel, d.share_of, r.origin, r.source, c.previous_source
    FROM facts_province_ranks r
    JOIN provinces p ON p.code = r.province_code
    JOIN facts_period_denominator d USING (year, month, period, basis)
    LEFT JOIN facts_period_compare c ON c.year = r.year AND c.month = r.month AND c.period = r.period AND c.basis = r.basis
                                  AND c.province_code = r.province_code
    WHERE r.rank IS NOT NULL;

CREATE OR REPLACE TABLE facts_province_ranking AS FROM province_ranking_all LIMIT 0;

-- Each period's release list of the largest increases (one release's: stated lists first, then
-- the latest release, then the longest list), with that release's value for each province (on
-- the list's page first: news pages split a release's paragraphs between them) and its precision.
CREATE OR REPLACE VIEW published_increases_all AS
    WITH statements AS (
        SELECT *, row_number() OVER () AS statement FROM published_figures
        WHERE metric = 'increase' AND NOT derived AND rank IS NOT NULL AND province_code IS NOT NULL
    ),
    chosen AS (
        SELECT year, month, period, basis, source_url FROM statements
        GROUP BY year, month, period, basis, source_url, release_year, release_month
        QUALIFY row_number() OVER (PARTITION BY year, month, period, basis
                                   ORDER BY bool_or(note IS NOT NULL), release_year * 12 + release_month DESC, count(*) DESC, source_url) = 1
    )
    SELECT s.year, s.month, s.period, s.basis, s.rank, s.province_code, s.value AS change_usd, s.precision, s.source_url, s.note,
           v.value AS value_usd, v.precision AS value_precision
    FROM statements s
    JOIN chosen USING (year, month, period, basis, source_url)
    LEFT JOIN published_figures v
      ON v.metric = 'exports' AND NOT v.derived AND v.province_code = s.province_code
     AND v.release_year = s.release_year AND v.release_month = s.release_month AND v.release_kind = s.release_kind
     AND v.period = s.period AND v.year = s.year AND v.month = s.month AND v.basis = s.basis
    QUALIFY row_number() OVER (PARTITION BY s.statement
                               ORDER BY v.source_url = s.source_url DESC, v.note IS NOT NULL, v.precision, v.source_url) = 1;

-- The largest increases of each period (top_increases without its limit): ranked by the data
-- when all 81 provinces have a value in both periods, else the one release's own list, with that
-- release's figures (its percent change where it stated one); where a loaded value stands beside
-- it, the figures period_compare shows instead. `panel` counts the provinces compared.
CREATE OR REPLACE VIEW increase_ranking_all AS
    WITH compared AS (FROM facts_period_compare),
    panels AS (
        SELECT year, month, period, basis, count(*) FILTER (WHERE value_usd IS NOT NULL AND previous_usd IS NOT NULL) AS provinces
        FROM compared GROUP BY year, month, period, basis
    ),
    computed AS (
        SELECT c.year, c.month, c.period, c.basis,
               rank() OVER (PARTITION BY c.year, c.month, c.period, c.basis ORDER BY c.change_usd DESC) AS rank,
               c.province_code, c.change_usd, c.value_usd, c.previous_usd, c.change_pct, 'computed' AS origin, c.source
        FROM compared c JOIN panels USING (year, month, period, basis)
        WHERE c.value_usd IS NOT NULL AND c.previous_usd IS NOT NULL AND panels.provinces = 81
    ),
    listed AS (
        SELECT l.year, l.month, l.period, l.basis, l.rank, l.province_code,
               CASE WHEN c.origin = 'loaded' OR c.previous_origin = 'loaded' THEN c.change_usd ELSE l.change_usd END AS change_usd,
               CASE WHEN c.origin = 'loaded' OR c.previous_origin = 'loaded' THEN c.value_usd ELSE l.value_usd END AS value_usd,
               CASE WHEN c.origin = 'loaded' OR c.previous_origin = 'loaded' THEN c.previous_usd ELSE l.value_usd - l.change_usd END AS previous_usd,
               CASE WHEN c.origin = 'loaded' OR c.previous_origin = 'loaded' THEN c.change_pct
                    -- The listing release's own percent, when the value shown is its own.
                    WHEN c.change_origin = 'published' AND c.change_usd = l.change_usd AND c.value_usd = l.value_usd THEN c.change_pct
                    WHEN l.value_usd - l.change_usd > 0
                         THEN shown_pct(100 * l.change_usd / (l.value_usd - l.change_usd),
                                        100 * (l.precision::DOUBLE / (l.value_usd - l.change_usd)::DOUBLE
                                               + l.change_usd::DOUBLE * (l.value_precision + l.precision)::DOUBLE / pow((l.value_usd - l.change_usd)::DOUBLE, 2))) END AS change_pct,
               CASE WHEN c.origin = 'loaded' OR c.previous_origin = 'loaded' THEN 'computed' ELSE 'published' END AS origin,
               CASE WHEN c.origin = 'loaded' OR c.previous_origin = 'loaded' THEN c.source ELSE l.source_url END AS source
        FROM published_increases_all l
        LEFT JOIN compared c USING (year, month, period, basis, province_code)
        LEFT JOIN panels USING (year, month, period, basis)
        WHERE coalesce(panels.provinces, 0) < 81
    )
    SELECT r.year, r.month, r.period, r.basis, r.rank, p.name AS province, r.province_code AS code, r.change_usd, r.value_usd,
           r.previous_usd, r.change_pct::DOUBLE AS change_pct, r.origin, r.source, coalesce(panels.provinces, 0) AS panel
    FROM (SELECT * FROM computed WHERE change_usd > 0 UNION ALL BY NAME SELECT * FROM listed) r
    JOIN provinces p ON p.code = r.province_code
    LEFT JOIN panels USING (year, month, period, basis);

CREATE OR REPLACE TABLE facts_increase_ranking AS FROM increase_ranking_all LIMIT 0;

-- The macros the named queries call: one period of a fact. `period=year` is keyed by month 12,
-- whatever month is asked.

-- One period of period_values_all, as facts_period_values keeps it.
CREATE OR REPLACE MACRO period_values(_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (year, month, period, basis) FROM facts_period_values
    WHERE year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis;

-- One period of province_values_all, as facts_province_values keeps it.
CREATE OR REPLACE MACRO province_values(_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (year, month, period, basis) FROM facts_province_values
    WHERE year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis;

-- One period of stated_changes_all, as facts_stated_changes keeps it.
CREATE OR REPLACE MACRO stated_changes(_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (year, month, period, basis) FROM facts_stated_changes
    WHERE year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis;

-- One period of period_compare_all, as facts_period_compare keeps it.
CREATE OR REPLACE MACRO period_compare(_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (year, month, period, basis) FROM facts_period_compare
    WHERE year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis;

-- One period of national_total_all (not kept: a filtered scan of the statements; national_figures reads it).
CREATE OR REPLACE MACRO national_total(_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (year, month, period, basis) FROM national_total_all
    WHERE year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis;

-- One period of period_denominator_all, as facts_period_denominator keeps it.
CREATE OR REPLACE MACRO period_denominator(_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (year, month, period, basis) FROM facts_period_denominator
    WHERE year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis;

-- One period of province_ranks_all, as facts_province_ranks keeps it.
CREATE OR REPLACE MACRO province_ranks(_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (year, month, period, basis) FROM facts_province_ranks
    WHERE year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis;

-- One period of province_ranking_all, as facts_province_ranking keeps it.
CREATE OR REPLACE MACRO province_ranking(_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (year, month, period, basis) FROM facts_province_ranking
    WHERE year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis;

-- One period of published_increases_all (not kept: only users' queries call it).
CREATE OR REPLACE MACRO published_increases(_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (year, month, period, basis) FROM published_increases_all
    WHERE year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis;

-- One period of increase_ranking_all, as facts_increase_ranking keeps it.
CREATE OR REPLACE MACRO increase_ranking(_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (year, month, period, basis) FROM facts_increase_ranking
    WHERE year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis;

-- How many provinces have a value in both the period and the same period a year earlier.
CREATE OR REPLACE MACRO compared_panel(_year, _month, _period, _basis) AS
    (SELECT count(*) FROM period_compare(_year, _month, _period, _basis) WHERE value_usd IS NOT NULL AND previous_usd IS NOT NULL);
