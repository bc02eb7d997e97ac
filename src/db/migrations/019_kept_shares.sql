-- Schema version 19: the shares of a period kept, as the ranking is (issue 33).
--
-- share_of_total, concentration and region_totals read kept facts but computed their shares at
-- every call, through the macros share_pct -> shown_pct -> round_half_away, which repeat their
-- arguments: DuckDB bound the expansion anew each time (a function call costs it 20-35
-- microseconds to bind; share_of_total took 5.6 ms to bind for a few dozen rows), 15-20 ms
-- through `run` where the plain ranking takes 4. The shares depend only on the data, so they are
-- kept like the ranking (design rule 44): each view below is the analysis's SQL for every period
-- at once, its windows partitioned by the period, and the analysis reads one period of the kept
-- table. The rules are unchanged. The concentration and the regions are kept for the periods
-- with data only (a few hundred, where every period is 7,575 rows and at 38 regions 288,000); their
-- macros give the rest from the period's denominator and the list of regions.

-- Each province with a value in each period, with its share of the period's denominator
-- (period_denominator_all: the sum of a complete panel, else the published national total) and
-- the cumulative share of the provinces ranked 1 to its rank, given only where every rank above
-- it is known. The order within a period: ranked provinces by rank, then the rest by value, then
-- by name in Turkish order.
CREATE OR REPLACE VIEW province_shares_all AS
    WITH ordered AS (
        SELECT r.year, r.month, r.period, r.basis, r.rank, p.name AS province, r.province_code, r.value_usd,
               r.precision_usd, r.rank_origin, r.origin,
               sum(r.value_usd) OVER running AS cumulative_usd,
               sum(r.precision_usd) OVER running AS cumulative_precision,
               -- The ranked provinces above this one (ranks below its own): all ranks above it
               -- are known exactly when that is rank - 1.
               count(r.rank) OVER (PARTITION BY r.year, r.month, r.period, r.basis ORDER BY r.rank
                                   RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS ranked_before
        FROM facts_province_ranks r
        -- Each name's Turkish sort key computed once a province, not once a row.
        JOIN (SELECT code, name, turkish_order(name) AS name_order FROM provinces) p ON p.code = r.province_code
        WINDOW running AS (PARTITION BY r.year, r.month, r.period, r.basis
                           ORDER BY r.rank NULLS LAST, r.value_usd DESC, p.name_order ROWS UNBOUNDED PRECEDING)
    )
    SELECT o.year, o.month, o.period, o.basis,
           o.rank, o.province, o.province_code AS code, o.value_usd,
           share_pct(o.value_usd, o.precision_usd, d.total_usd, d.precision_usd) AS share_pct,
           CASE WHEN o.rank IS NOT NULL AND o.ranked_before = o.rank - 1
                THEN share_pct(o.cumulative_usd, o.cumulative_precision, d.total_usd, d.precision_usd) END AS cumulative_pct,
           o.rank_origin, d.share_of, d.panel, o.origin
    FROM ordered o JOIN facts_period_denominator d USING (year, month, period, basis);

CREATE OR REPLACE TABLE facts_province_shares AS FROM province_shares_all LIMIT 0;

-- How concentrated each period's exports are: the shares of the first 1, 5 and 10 provinces and
-- the Herfindahl-Hirschman index (the sum of the squared percent shares), for each period with a
-- province's value (in any other there is nothing to rank; the macro share_concentration says
-- so). On a complete panel the top k are the k largest values (ties cut at k); on an incomplete
-- one, the provinces a release ranked 1 to k, when all of them are known. The index needs all 81
-- provinces.
CREATE OR REPLACE VIEW share_concentration_all AS
    WITH r AS (
        SELECT year, month, period, basis, value_usd, precision_usd,
               CASE WHEN panel = 81 THEN row_number() OVER (PARTITION BY year, month, period, basis ORDER BY value_usd DESC)
                    ELSE rank END AS position
        FROM facts_province_ranks
    ),
    -- The sums and the denominator are columns before share_pct sees them: it repeats its
    -- arguments, and DuckDB plans every copy.
    sums AS (
        SELECT r.year, r.month, r.period, r.basis, ks.k,
               count(r.position) FILTER (WHERE r.position <= ks.k) AS known,
               max(r.position) FILTER (WHERE r.position <= ks.k) AS last_known,
               sum(r.value_usd) FILTER (WHERE r.position <= ks.k) AS value_usd,
               sum(r.precision_usd) FILTER (WHERE r.position <= ks.k) AS precision_usd
        FROM r CROSS JOIN (VALUES (1), (5), (10)) ks(k)
        GROUP BY r.year, r.month, r.period, r.basis, ks.k
    ),
    top AS (
        SELECT s.year, s.month, s.period, s.basis, s.k,
               CASE WHEN s.known >= s.k AND s.last_known <= s.known
                    THEN share_pct(s.value_usd, s.precision_usd, d.total_usd, d.precision_usd) END AS pct
        FROM sums s JOIN facts_period_denominator d USING (year, month, period, basis)
    ),
    hhi AS (
        SELECT r.year, r.month, r.period, r.basis,
               CASE WHEN any_value(d.panel) = 81 THEN round_half_away(sum(pow(100 * r.value_usd / d.total_usd, 2)), 1) END AS hhi
        FROM r JOIN facts_period_denominator d USING (year, month, period, basis)
        GROUP BY r.year, r.month, r.period, r.basis
    )
    SELECT hhi.year, hhi.month, hhi.period, hhi.basis,
           any_value(top.pct) FILTER (WHERE top.k = 1) AS top1_pct,
           any_value(top.pct) FILTER (WHERE top.k = 5) AS top5_pct,
           any_value(top.pct) FILTER (WHERE top.k = 10) AS top10_pct,
           any_value(hhi.hhi) AS hhi
    FROM hhi JOIN top USING (year, month, period, basis)
    GROUP BY hhi.year, hhi.month, hhi.period, hhi.basis;

CREATE OR REPLACE TABLE facts_share_concentration AS FROM share_concentration_all LIMIT 0;

-- Every province's region at both levels: NUTS-1 (12 regions) and NUTS-2 (26).
CREATE OR REPLACE VIEW province_regions AS
    SELECT 'nuts1' AS level, code AS province_code, nuts1_code AS region_code, nuts1_name AS region FROM provinces
    UNION ALL
    SELECT 'nuts2', code, nuts2_code, nuts2_name FROM provinces;

-- Every region at both levels with how many provinces it has.
CREATE OR REPLACE VIEW region_sizes AS
    SELECT level, region_code, region, count(*) AS region_provinces
    FROM province_regions GROUP BY level, region_code, region;

-- Each region's exports in each period with a province's value or its value a year earlier (the
-- periods of period_compare_all; in any other the regions have nothing to sum), at both levels.
-- A region's value is the sum of its provinces only when every province of the region has a
-- value (with_data_usd sums those that have one); its change sums the changes period_compare
-- shows, only when every province of the region has one; its share is of the period's
-- denominator.
CREATE OR REPLACE VIEW region_figures_all AS
    WITH summed AS (
        SELECT c.year, c.month, c.period, c.basis, g.level, g.region_code,
               sum(c.value_usd) AS value_usd,
               count(c.value_usd) AS provinces,
               -- A province counts for the change only where period_compare shows one (its
               -- release's, or computed from comparable values).
               count(*) FILTER (WHERE c.change_usd IS NOT NULL) AS both,
               sum(c.previous_usd) AS previous_usd,
               sum(c.change_usd) AS change_usd,
               sum(c.precision_usd) AS precision_usd,
               sum(c.previous_precision) AS previous_precision,
               sum(c.change_precision) AS change_precision
        FROM facts_period_compare c
        JOIN province_regions g USING (province_code)
        GROUP BY c.year, c.month, c.period, c.basis, g.level, g.region_code
    ),
    -- The change's percent and its precision are columns before shown_pct rounds them: it
    -- repeats its precision six times, and DuckDB plans every copy of an expression.
    changed AS (
        SELECT s.*, r.region_provinces,
               CASE WHEN s.both = r.region_provinces AND s.previous_usd > 0 THEN 100 * s.change_usd / s.previous_usd END AS unrounded_pct,
               CASE WHEN s.both = r.region_provinces AND s.previous_usd > 0
                    THEN 100 * (s.change_precision::DOUBLE / s.previous_usd::DOUBLE
                                + abs(s.change_usd::DOUBLE) * s.previous_precision::DOUBLE / pow(s.previous_usd::DOUBLE, 2)) END AS pct_precision
        -- Counted over all its provinces: those period_compare has no row for have no value either.
        FROM summed s JOIN region_sizes r USING (level, region_code)
    )
    SELECT s.year, s.month, s.period, s.basis, s.level, s.region_code,
           CASE WHEN s.provinces = s.region_provinces THEN s.value_usd END AS value_usd,
           s.value_usd AS with_data_usd,
           CASE WHEN s.provinces = s.region_provinces THEN share_pct(s.value_usd, s.precision_usd, d.total_usd, d.precision_usd) END AS share_pct,
           CASE WHEN s.both = s.region_provinces THEN s.previous_usd END AS previous_usd,
           CASE WHEN s.both = s.region_provinces THEN shown_usd(s.change_usd, s.change_precision) END AS change_usd,
           shown_pct(s.unrounded_pct, s.pct_precision) AS change_pct,
           s.provinces
    FROM changed s JOIN facts_period_denominator d USING (year, month, period, basis);

CREATE OR REPLACE TABLE facts_region_figures AS FROM region_figures_all LIMIT 0;

-- One period of province_shares_all, as facts_province_shares keeps it.
CREATE OR REPLACE MACRO province_shares(_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (year, month, period, basis) FROM facts_province_shares
    WHERE year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis;

-- One period of share_concentration_all, as facts_share_concentration keeps it, with what its
-- denominator says: how many provinces have a value, and what could not be given and why.
CREATE OR REPLACE MACRO share_concentration(_year, _month, _period, _basis) AS TABLE
    SELECT c.top1_pct, c.top5_pct, c.top10_pct, c.hhi, d.panel, d.panel = 81 AS complete, d.share_of,
           CASE WHEN d.panel < 81 THEN format('{} of 81 provinces have a value: hhi needs them all{}', d.panel,
                CASE WHEN d.total_usd IS NULL THEN ', and shares need a national total, which no release gave'
                     ELSE ', and a top share needs every rank above it' END) END AS missing
    FROM period_denominator(_year, _month, _period, _basis) d
    LEFT JOIN facts_share_concentration c
           ON c.year = _year AND c.month = period_last_month(_period, _month) AND c.period = _period AND c.basis = _basis;

-- One period of region_figures_all at one level, every region of it listed: a period without
-- values has none kept, and each of its regions has nothing to sum (no province with a value).
CREATE OR REPLACE MACRO region_figures(_year, _month, _period, _basis, _level) AS TABLE
    SELECT r.region_code, r.region, f.value_usd, f.with_data_usd, f.share_pct, f.previous_usd, f.change_usd, f.change_pct,
           coalesce(f.provinces, 0) AS provinces, r.region_provinces, d.share_of
    FROM region_sizes r
    CROSS JOIN period_denominator(_year, _month, _period, _basis) d
    LEFT JOIN facts_region_figures f
           ON f.year = _year AND f.month = period_last_month(_period, _month) AND f.period = _period AND f.basis = _basis
          AND f.level = _level AND f.region_code = r.region_code
    WHERE r.level = _level;
