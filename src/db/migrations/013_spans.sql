-- Schema version 13: a span of periods read from a kept fact in one scan (issue 33). A history
-- (a province's months, its rank over the years) called a one-period macro once a period, in a
-- lateral join, and DuckDB planned the calls as a correlated join on every execution: 2-3 ms
-- more than one filtered scan of the same table.
--
-- Each `NAME_span(_first_year, _last_year, _month, _period, _basis)` holds the rows that
-- `NAME(year, month, _period, _basis)` gives for every period of the years from _first_year to
-- _last_year, with `year` and `month` beside them: each month of those years for 'month' (where
-- _month is not used), else the one period a year that ends in period_last_month(_period, _month)
-- (December for 'year'). A test checks each against its one-period macro.
--
-- And shown_pct writes its value once (below).

CREATE OR REPLACE MACRO province_ranks_span(_first_year, _last_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (period, basis) FROM facts_province_ranks
    WHERE year BETWEEN _first_year AND _last_year AND period = _period AND basis = _basis
      AND (_period = 'month' OR month = period_last_month(_period, _month));

CREATE OR REPLACE MACRO period_compare_span(_first_year, _last_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (period, basis) FROM facts_period_compare
    WHERE year BETWEEN _first_year AND _last_year AND period = _period AND basis = _basis
      AND (_period = 'month' OR month = period_last_month(_period, _month));

-- shown_pct (migration 008's rule) with its value written once. A macro's argument is copied
-- wherever its parameter appears, and a share's or a growth rate's value is an expression of a
-- dozen terms (share_pct's holds a national total read by a subquery): written in four branches,
-- it was bound and optimized four times, twice per run. round(NULL, n) is NULL, so the first
-- branch needs no test of its own; the digits are as before: two for an exact value, one where
-- the first decimal is known, none where it is not.
CREATE OR REPLACE MACRO shown_pct(_value, _precision) AS
    round(_value::DOUBLE, CASE WHEN _precision IS NULL OR _precision <= 0 THEN 2 WHEN _precision < 1 THEN 1 ELSE 0 END);
