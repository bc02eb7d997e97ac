-- Schema version 8: a month's change is its own release's, no digit that no source printed, and
-- complete detail summed over periods (docs/design.md rules 38-40).

-- The sentence of the page that states a figure, where the release copy quotes it.
ALTER TABLE published_figures ADD COLUMN IF NOT EXISTS quote VARCHAR;

-- A figure at the precision it has (design rule 39): rounded to the power of ten at or below its
-- precision (the width of its rounding interval, in USD), so a value derived from "-6,1 %" is
-- shown to the million, not to the dollar. A precision under a dollar (a loaded table's exact
-- values) leaves the value as it is.
CREATE OR REPLACE MACRO shown_usd(_value, _precision) AS
    CASE WHEN _precision IS NULL OR _precision < 1 THEN _value::DECIMAL(18, 2)
         ELSE (round(_value::DOUBLE / pow(10, floor(log10(_precision::DOUBLE))))
               * pow(10, floor(log10(_precision::DOUBLE))))::DECIMAL(18, 2) END;

-- A percent at the precision it has: two decimals for exact values, else one decimal at most (no
-- release prints a finer percent) and none where even the first decimal is not known.
CREATE OR REPLACE MACRO shown_pct(_value, _precision) AS
    CASE WHEN _value IS NULL THEN NULL::DOUBLE
         WHEN _precision IS NULL OR _precision <= 0 THEN round(_value::DOUBLE, 2)
         WHEN _precision < 1 THEN round(_value::DOUBLE, 1)
         ELSE round(_value::DOUBLE, 0) END;

-- Each province's exports summed over a period, with the precision of the sum (schema.sql's
-- macro, which had none).
CREATE OR REPLACE MACRO period_values(_year, _month, _period, _basis) AS TABLE
    SELECT *, months = period_month_count(_period, _month) AS complete
    FROM (
        SELECT province_code,
               sum(value_usd) AS value_usd,
               count(*) AS months,
               CASE WHEN bool_and(load_id IS NOT NULL) THEN 'loaded'
                    WHEN bool_or(derived) THEN 'derived'
                    WHEN bool_and(load_id IS NULL) THEN 'published'
                    ELSE 'mixed' END AS origin,
               CASE WHEN count(DISTINCT source) = 1 THEN any_value(source)
                    ELSE format('{} sources', count(DISTINCT source)) END AS source,
               sum(precision_usd) AS precision_usd
        FROM exports
        WHERE basis = _basis AND year = _year
          AND month BETWEEN period_first_month(_period, _month) AND period_last_month(_period, _month)
        GROUP BY province_code
    );

-- A province's value for a period, with its precision: the sum of its months when all are
-- present, else (for ytd and year, design rule 6) the value a release stated for that period.
CREATE OR REPLACE MACRO province_values(_year, _month, _period, _basis) AS TABLE
    WITH computed AS (
        SELECT province_code, value_usd, origin, source, precision_usd
        FROM period_values(_year, _month, _period, _basis) WHERE complete
    ),
    stated AS (
        SELECT province_code, value AS value_usd,
               CASE WHEN derived THEN 'derived' ELSE 'published' END AS origin, source_url AS source, precision AS precision_usd,
               row_number() OVER (PARTITION BY province_code
                                  ORDER BY derived, note IS NOT NULL, release_year * 12 + release_month DESC, precision) AS choice
        FROM published_figures
        WHERE metric = 'exports' AND province_code IS NOT NULL AND _period <> 'month'
          AND period = _period AND year = _year AND month = period_last_month(_period, _month) AND basis = _basis
    )
    SELECT * FROM computed
    UNION ALL
    SELECT province_code, value_usd, origin, source, precision_usd FROM stated
    WHERE choice = 1 AND province_code NOT IN (SELECT province_code FROM computed);

-- What a release stated beside each value of a period that it stated itself: the increase and the
-- percent change against the same period a year earlier (design rule 38). A statement of the
-- release is found on any of its pages (news pages split a release between them), this page
-- first. `doubtful` marks a change whose own statement carries a doubt (March 2024 İstanbul's
-- "-23", probably -2.3): no change is shown for it, and change_origin says `doubtful`.
CREATE OR REPLACE MACRO stated_changes(_year, _month, _period, _basis) AS TABLE
    WITH cur AS (FROM province_values(_year, _month, _period, _basis) WHERE origin = 'published'),
    own AS (
        SELECT e.province_code, e.value, e.precision, e.source_url, e.note, e.release_year, e.release_month, e.release_kind
        FROM published_figures e JOIN cur ON cur.province_code = e.province_code AND cur.source = e.source_url
        WHERE e.metric = 'exports' AND NOT e.derived AND e.period = _period AND e.year = _year
          AND e.month = period_last_month(_period, _month) AND e.basis = _basis AND e.value = cur.value_usd
        QUALIFY row_number() OVER (PARTITION BY e.province_code ORDER BY e.release_year * 12 + e.release_month DESC, e.precision) = 1
    ),
    said AS (
        SELECT o.province_code, any_value(o.value) AS value, any_value(o.precision) AS precision,
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
         AND c.period = _period AND c.year = _year AND c.month = period_last_month(_period, _month) AND c.basis = _basis
        GROUP BY o.province_code
    )
    -- The previous value the release implies: its value minus its increase, else its value divided
    -- by 1 + its percent change (coarser: the percent is printed to a decimal).
    SELECT province_code, increase, increase_precision, pct, pct_precision, change_source, doubtful,
           CASE WHEN increase IS NOT NULL THEN value - increase
                WHEN pct > -100 THEN value / (1 + pct / 100) END AS previous_usd,
           CASE WHEN increase IS NOT NULL THEN precision + increase_precision
                WHEN pct > -100 THEN precision::DOUBLE / (1 + pct::DOUBLE / 100) + value::DOUBLE * pct_precision::DOUBLE / 100 / pow(1 + pct::DOUBLE / 100, 2) END AS previous_precision,
           value, precision
    FROM said;

-- Every province with a value in the period or in the same period a year earlier, side by side
-- (design rule 38). Where the release of the value shown states its change, that change is shown,
-- with the previous value the release implies (marked derived, at its precision); a change of its
-- own is computed only where both values are loaded, or both come from releases and the current
-- one's release states no change. A loaded value beside a release's is compared with nothing.
-- Every figure is shown at the precision it has (design rule 39); change_precision,
-- precision_usd and previous_precision are the widths of the roundings of change_usd, value_usd
-- and previous_usd.
CREATE OR REPLACE MACRO period_compare(_year, _month, _period, _basis) AS TABLE
    WITH cur AS (FROM province_values(_year, _month, _period, _basis)),
    prev AS (FROM province_values(_year - 1, _month, _period, _basis)),
    said AS (FROM stated_changes(_year, _month, _period, _basis)),
    joined AS (
        SELECT p.code AS province_code, p.name AS province,
               cur.value_usd, cur.precision_usd, cur.origin, cur.source,
               prev.value_usd AS prev_usd, prev.precision_usd AS prev_precision, prev.origin AS prev_origin, prev.source AS prev_source,
               s.province_code IS NOT NULL AS stated, coalesce(s.doubtful, false) AS doubtful,
               s.increase, s.increase_precision, s.pct, s.pct_precision, s.change_source,
               s.previous_usd AS implied_usd, s.previous_precision AS implied_precision,
               CASE WHEN cur.origin = 'loaded' AND prev.origin = 'loaded' THEN 'exact'
                    WHEN cur.origin IN ('published', 'derived') AND prev.origin IN ('published', 'derived') THEN 'releases'
               END AS comparable
        FROM provinces p
        LEFT JOIN cur ON cur.province_code = p.code
        LEFT JOIN prev ON prev.province_code = p.code
        LEFT JOIN said s ON s.province_code = p.code
        WHERE cur.value_usd IS NOT NULL OR prev.value_usd IS NOT NULL
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
               CASE WHEN change_origin = 'published' THEN coalesce(increase, value_usd - implied_usd)
                    WHEN change_origin = 'computed' THEN value_usd - prev_usd END AS change_raw,
               CASE WHEN change_origin = 'published' THEN coalesce(increase_precision, implied_precision + precision_usd)
                    WHEN change_origin = 'computed' THEN precision_usd + prev_precision END AS change_precision
        FROM changed
    )
    SELECT province_code, province, value_usd,
           shown_usd(previous_raw, previous_precision) AS previous_usd,
           shown_usd(change_raw, change_precision) AS change_usd,
           CASE WHEN change_origin = 'published' AND pct IS NOT NULL THEN pct::DOUBLE
                WHEN change_origin = 'published' AND value_usd - increase > 0
                     THEN shown_pct(100 * increase / (value_usd - increase),
                                    100 * (increase_precision::DOUBLE / (value_usd - increase)::DOUBLE
                                           + increase::DOUBLE * (precision_usd + increase_precision)::DOUBLE / pow((value_usd - increase)::DOUBLE, 2)))
                WHEN change_origin = 'computed' AND prev_usd > 0
                     THEN shown_pct(100 * (value_usd - prev_usd) / prev_usd,
                                    100 * (precision_usd::DOUBLE / prev_usd::DOUBLE + value_usd::DOUBLE * prev_precision::DOUBLE / pow(prev_usd::DOUBLE, 2)))
           END AS change_pct,
           origin, source,
           CASE WHEN change_origin = 'published' THEN 'derived' ELSE prev_origin END AS previous_origin,
           CASE WHEN change_origin = 'published' THEN change_source ELSE prev_source END AS previous_source,
           change_origin, change_precision, precision_usd, previous_precision
    FROM figures;

-- Every ranked province of a period (top_provinces without its limit): value, share, and the
-- change period_compare shows for it (its own release's where that release stated one).
CREATE OR REPLACE MACRO province_ranking(_year, _month, _period, _basis) AS TABLE
    WITH ranked AS (FROM province_ranks(_year, _month, _period, _basis) WHERE rank IS NOT NULL)
    SELECT r.rank, p.name AS province, r.province_code AS code, r.value_usd,
           share_pct(r.value_usd, r.precision_usd, d.total_usd, d.precision_usd) AS share_pct,
           c.change_usd, c.change_pct, c.previous_usd, c.change_origin,
           r.rank_origin, d.panel, d.share_of, r.origin, r.source, c.previous_source
    FROM ranked r
    JOIN provinces p ON p.code = r.province_code
    CROSS JOIN period_denominator(_year, _month, _period, _basis) d
    LEFT JOIN period_compare(_year, _month, _period, _basis) c ON c.province_code = r.province_code;

-- A release's own list of the largest increases, as migration 004 wrote it, with the precision
-- of the release's value beside the increase (for the percent's rounding).
CREATE OR REPLACE MACRO published_increases(_year, _month, _period, _basis) AS TABLE
    WITH statements AS (
        SELECT * FROM published_figures
        WHERE metric = 'increase' AND NOT derived AND rank IS NOT NULL AND province_code IS NOT NULL
          AND period = _period AND year = _year AND month = period_last_month(_period, _month) AND basis = _basis
    ),
    chosen AS (
        SELECT source_url FROM statements
        GROUP BY source_url, release_year, release_month
        ORDER BY bool_or(note IS NOT NULL), release_year * 12 + release_month DESC, count(*) DESC, source_url
        LIMIT 1
    )
    SELECT s.rank, s.province_code, s.value AS change_usd, s.precision, s.source_url, s.note, v.value AS value_usd,
           v.precision AS value_precision
    FROM statements s JOIN chosen USING (source_url)
    -- The same release's value for the province, when it stated one (on this page first: news
    -- pages split a release's paragraphs between them).
    LEFT JOIN LATERAL (
        SELECT e.value, e.precision FROM published_figures e
        WHERE e.metric = 'exports' AND NOT e.derived AND e.province_code = s.province_code
          AND e.release_year = s.release_year AND e.release_month = s.release_month AND e.release_kind = s.release_kind
          AND e.period = _period AND e.year = _year AND e.month = period_last_month(_period, _month) AND e.basis = _basis
        ORDER BY e.source_url = s.source_url DESC, e.note IS NOT NULL, e.precision, e.source_url
        LIMIT 1
    ) v ON true;

-- The largest increases of a period (top_increases without its limit): ranked by the data when
-- all 81 provinces have a value in both periods, else the one release's own list, with that
-- release's figures (its percent change where it stated one); where a loaded value stands beside
-- it, the figures period_compare shows instead.
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
                    -- The listing release's own percent, when the value shown is its own.
                    WHEN c.change_origin = 'published' AND c.change_usd = l.change_usd AND c.value_usd = l.value_usd THEN c.change_pct
                    WHEN l.value_usd - l.change_usd > 0
                         THEN shown_pct(100 * l.change_usd / (l.value_usd - l.change_usd),
                                        100 * (l.precision::DOUBLE / (l.value_usd - l.change_usd)::DOUBLE
                                               + l.change_usd::DOUBLE * (l.value_precision + l.precision)::DOUBLE / pow((l.value_usd - l.change_usd)::DOUBLE, 2))) END AS change_pct,
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

-- Turkey's total exports for a period as a release gave it (migration 004's rule), leaving out a
-- total rounded coarser than 1 % of itself ("yaklaşık 260 milyar dolar"): a share of it would
-- print digits nobody knows. It stays in published_figures and in `revisions`.
CREATE OR REPLACE MACRO national_total(_year, _month, _period, _basis) AS TABLE
    SELECT value AS total_usd, precision AS precision_usd, source_url AS source, derived, derived_from
    FROM published_figures
    WHERE province_code IS NULL AND metric = 'total_exports' AND precision <= value / 100
      AND year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis
    ORDER BY derived, note IS NOT NULL, release_year * 12 + release_month DESC, precision
    LIMIT 1;

-- Design rule 40: in a table complete for its province-months (loaded with --complete), a cell
-- absent from a month is zero for that month. A period sum over months that are all complete for
-- the province adds every cell that appears in any of them; otherwise (incomplete detail, the
-- releases' top lists) a cell counts only when every month of the period has it. Otherwise as
-- migration 005 wrote it: a loaded table covers its province-months alone, and two-way rows are
-- never added to a full table.
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
    ),
    used AS (SELECT * FROM chosen WHERE shape = CASE WHEN has_two_way THEN 'two-way' ELSE 'full table' END),
    -- The months in which each province's table used is complete, as bits.
    complete_months AS (
        SELECT province_code, bit_count(bit_or(1::INTEGER << month)) AS months
        FROM (SELECT province_code, month FROM used GROUP BY ALL HAVING bool_and(complete_table))
        GROUP BY province_code
    ),
    cells AS (
        SELECT province_code, code, sum(value_usd) AS value_usd, sum(precision_usd) AS precision_usd,
               string_agg(DISTINCT source, ' ; ' ORDER BY source) AS source, bool_and(complete_table) AS complete_table,
               any_value(shape) AS shape,
               -- The months present, as bits: a distinct count cost up to a fifth of the query.
               bit_count(bit_or(1::INTEGER << month)) AS months
        FROM used
        GROUP BY province_code, code
    )
    SELECT c.province_code, c.code, c.value_usd, c.precision_usd, c.source, c.complete_table, c.shape
    FROM cells c LEFT JOIN complete_months m USING (province_code)
    WHERE c.months = period_month_count(_period, _month) OR m.months = period_month_count(_period, _month);

-- What shares are of (migration 004's rule), with the precision of the denominator: the sum of
-- the provinces' precisions on a complete panel, else the published total's. A share is shown at
-- the precision it has (design rule 39): of a month's total derived from two year-to-date totals
-- rounded to 100 million, İstanbul's share is 20.3 %, not 20.27 %.
CREATE OR REPLACE MACRO period_denominator(_year, _month, _period, _basis) AS TABLE
    WITH panel AS (
        SELECT sum(value_usd) AS total, sum(precision_usd) AS precision, count(*) AS provinces
        FROM province_values(_year, _month, _period, _basis)
    ),
    national AS (FROM national_total(_year, _month, _period, _basis))
    SELECT CASE WHEN panel.provinces = 81 THEN panel.total ELSE n.total_usd END AS total_usd,
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
    FROM panel LEFT JOIN national n ON true;

-- A province's share of a total, in percent, at the precision both allow.
CREATE OR REPLACE MACRO share_pct(_value, _value_precision, _total, _total_precision) AS
    CASE WHEN _total > 0 THEN shown_pct(100 * _value / _total,
                                        100 * (coalesce(_value_precision, 0)::DOUBLE / _total::DOUBLE
                                               + _value::DOUBLE * coalesce(_total_precision, 0)::DOUBLE / pow(_total::DOUBLE, 2))) END;

-- Each province's value for a period with its rank (migration 004's rule), and its precision.
CREATE OR REPLACE MACRO province_ranks(_year, _month, _period, _basis) AS TABLE
    WITH v AS (FROM province_values(_year, _month, _period, _basis)),
    panel AS (SELECT count(*) AS provinces FROM v),
    stated AS (
        SELECT province_code, arg_min(rank, (note IS NOT NULL)::INTEGER * 1000000 - (release_year * 12 + release_month)) AS rank
        FROM published_figures
        WHERE metric = 'exports' AND NOT derived AND rank IS NOT NULL AND province_code IS NOT NULL
          AND period = _period AND year = _year AND month = period_last_month(_period, _month) AND basis = _basis
        GROUP BY province_code
    )
    SELECT v.province_code, v.value_usd, v.origin, v.source, panel.provinces AS panel,
           CASE WHEN panel.provinces = 81 THEN rank() OVER (ORDER BY v.value_usd DESC) ELSE s.rank END AS rank,
           CASE WHEN panel.provinces = 81 THEN 'computed' WHEN s.rank IS NOT NULL THEN 'published' END AS rank_origin,
           v.precision_usd
    FROM v CROSS JOIN panel
    LEFT JOIN stated s ON s.province_code = v.province_code AND v.origin = 'published';
