-- Schema version 4: every figure an analysis states is one the data computes or a release
-- published (docs/design.md, "Figures"). The building blocks below decide, once for every
-- analysis, what a share is of, where a rank comes from, and which source a detail figure uses.

-- Which kind of release made a statement: the Ministry of Trade's monthly release (`ministry`)
-- or a regional or local one (exporters' associations, chambers, TÜİK's regional offices).
ALTER TABLE published_figures ADD COLUMN release_kind VARCHAR DEFAULT 'ministry';

-- A release's statement of a national figure for a period: stated ones first, then the latest
-- release, then the finer rounding. `period=year` is stored at month 12, whatever month is asked.
CREATE OR REPLACE MACRO published_national(_year, _month, _period, _basis, _metric) AS TABLE
    SELECT value, precision, source_url
    FROM published_figures
    WHERE province_code IS NULL AND metric = _metric AND NOT derived
      AND year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis
    ORDER BY note IS NOT NULL, release_year * 12 + release_month DESC, precision
    LIMIT 1;

-- Turkey's total exports for a period as a release gave it: a stated total first, else one
-- derived from two stated year-to-date totals (seed.sql), marked derived.
CREATE OR REPLACE MACRO national_total(_year, _month, _period, _basis) AS TABLE
    SELECT value AS total_usd, precision AS precision_usd, source_url AS source, derived, derived_from
    FROM published_figures
    WHERE province_code IS NULL AND metric = 'total_exports'
      AND year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis
    ORDER BY derived, note IS NOT NULL, release_year * 12 + release_month DESC, precision
    LIMIT 1;

-- What shares are of. A complete panel (all 81 provinces) is its own denominator, whatever a
-- release said; an incomplete one uses Turkey's published total; with neither, total_usd is NULL
-- and share_of says why. Where the panel's sum and a published total differ by more than the
-- published rounding, share_of says so.
CREATE OR REPLACE MACRO period_denominator(_year, _month, _period, _basis) AS TABLE
    WITH panel AS (
        SELECT sum(value_usd) AS total, count(*) AS provinces FROM province_values(_year, _month, _period, _basis)
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
           CASE WHEN panel.provinces = 81 THEN NULL ELSE n.source END AS total_source
    FROM panel LEFT JOIN national n ON true;

-- Each province's value for a period with its rank. A complete panel ranks itself; an incomplete
-- one has only the ranks a release gave, and only beside a value a release stated: a province
-- whose shown value is loaded or derived, or that no release ranked, has rank NULL. (Where a later
-- release revised the value, the rank is still the one the ranking release gave.)
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
           CASE WHEN panel.provinces = 81 THEN 'computed' WHEN s.rank IS NOT NULL THEN 'published' END AS rank_origin
    FROM v CROSS JOIN panel
    LEFT JOIN stated s ON s.province_code = v.province_code AND v.origin = 'published';

-- A release's own list of the largest increases for a period, in its order: the one release (the
-- latest without a doubt on it, then the longest list) whose list is shown, never a mixture.
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
    SELECT s.rank, s.province_code, s.value AS change_usd, s.precision, s.source_url, s.note,
           -- The same release's value for the province, when it stated one (on this page first:
           -- news pages split a release's paragraphs between them).
           (SELECT e.value FROM published_figures e
            WHERE e.metric = 'exports' AND NOT e.derived AND e.province_code = s.province_code
              AND e.release_year = s.release_year AND e.release_month = s.release_month AND e.release_kind = s.release_kind
              AND e.period = _period AND e.year = _year AND e.month = period_last_month(_period, _month) AND e.basis = _basis
            ORDER BY e.source_url = s.source_url DESC, e.note IS NOT NULL, e.precision, e.source_url
            LIMIT 1) AS value_usd
    FROM statements s JOIN chosen USING (source_url);

-- How many provinces have a value in both the period and the same period a year earlier.
CREATE OR REPLACE MACRO compared_panel(_year, _month, _period, _basis) AS
    (SELECT count(*) FROM period_compare(_year, _month, _period, _basis) WHERE value_usd IS NOT NULL AND previous_usd IS NOT NULL);

-- Design rule 25 (docs/design.md): precedence holds for detail province-month by province-month.
-- Where a loaded table covers a province-month, the bundled release figures for it are not used
-- at all; then the shape rule (two-way rows, else the full table summed) applies within the
-- chosen source.
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
               string_agg(DISTINCT source, ' ; ') AS source, bool_and(complete_table) AS complete_table, any_value(shape) AS shape,
               -- The months present, as bits: a distinct count cost up to a fifth of the query.
               bit_count(bit_or(1::INTEGER << month)) AS months
        FROM chosen
        WHERE shape = CASE WHEN has_two_way THEN 'two-way' ELSE 'full table' END
        GROUP BY province_code, code
    )
    WHERE months = period_month_count(_period, _month);

-- The digits of an HS code as tables print it ("87", "Fasıl 87", "GTİP 870321", "HS 71"), or
-- NULL: the one pattern that product resolution (`products resolve`) and the loader both use.
CREATE OR REPLACE MACRO hs_digits(s) AS
    nullif(regexp_extract(name_key(s), '^(fasil|chapter|ch|bolum|gtip|hs)?([0-9]+)$', 2), '');
