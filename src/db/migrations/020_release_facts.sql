-- Schema version 20: the facts that read only the releases kept (issue 33).
--
-- published_figures changes only when the bundled data is seeded or refreshed (a migration seeds
-- it again), so what is computed from it alone is kept like the facts (design rule 44) but
-- refilled only then (db::facts::RELEASE_FACTS): a load or an unload of a user's file does not
-- touch it. The rules are unchanged.
--
-- `revisions` paired every release figure of a province-month with every other at each call: a
-- self-join, two aggregates and a sorted list of sources, 10 ms through `run` where the plain
-- ranking takes 2. The value the database chose for each province-month (`chosen_usd`) depends
-- on the loads too, so the analysis reads it beside the kept rows.

-- The province-months of each basis where two release figures (or values derived from them)
-- disagree beyond their rounding: how many figures there are, the lowest and the highest, and
-- by how much at least they disagree beyond the rounding of the two.
CREATE OR REPLACE VIEW release_revisions_all AS
    WITH candidates AS (
        SELECT * FROM published_figures
        WHERE metric = 'exports' AND period = 'month' AND province_code IS NOT NULL
    ),
    pairs AS (
        SELECT a.basis, a.province_code, a.year, a.month,
               -- In whole dollars, as every figure here is printed: half the sum of two roundings
               -- can end in half a dollar (Bursa January 2023: 530 million less 51,824,078.5), a
               -- digit no release printed; the floor keeps "at least this far apart" true.
               floor(max(abs(a.value - b.value) - (a.precision + b.precision) / 2))::DECIMAL(18, 2) AS excess
        FROM candidates a JOIN candidates b USING (basis, province_code, year, month)
        GROUP BY ALL
    )
    SELECT c.basis, c.province_code, c.year, c.month,
           count(*) AS candidates,
           min(c.value) AS low_usd, max(c.value) AS high_usd,
           max(c.value) - min(c.value) AS difference_usd,
           any_value(pairs.excess) AS beyond_rounding_usd,
           -- The distinct sources in byte order, as a list: a DISTINCT string_agg kept a hash
           -- table for each group.
           array_to_string(list_sort(list_distinct(list(CASE WHEN c.derived THEN 'derived: ' || c.derived_from || ' ' ELSE '' END || c.source_url))), ' | ') AS sources
    FROM candidates c
    JOIN pairs USING (basis, province_code, year, month)
    WHERE pairs.excess > 0
    GROUP BY c.basis, c.province_code, c.year, c.month;

CREATE OR REPLACE TABLE facts_release_revisions AS FROM release_revisions_all LIMIT 0;

-- The national figures as the releases stated them (migration 011's published_national_all: for
-- each period and metric the statement a later release made, one not in doubt first), which the
-- threshold analyses read through published_national: a window over every statement, planned at
-- each call, is a filtered scan of the kept rows.
CREATE OR REPLACE TABLE facts_published_national AS FROM published_national_all LIMIT 0;

-- One period's national figure as a release stated it, from the kept statements.
CREATE OR REPLACE MACRO published_national(_year, _month, _period, _basis, _metric) AS TABLE
    SELECT value, precision, source_url FROM facts_published_national
    WHERE year = _year AND month = period_last_month(_period, _month) AND period = _period AND basis = _basis AND metric = _metric;
