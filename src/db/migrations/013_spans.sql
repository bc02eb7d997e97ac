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

CREATE OR REPLACE MACRO province_ranks_span(_first_year, _last_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (period, basis) FROM facts_province_ranks
    WHERE year BETWEEN _first_year AND _last_year AND period = _period AND basis = _basis
      AND (_period = 'month' OR month = period_last_month(_period, _month));

CREATE OR REPLACE MACRO period_compare_span(_first_year, _last_year, _month, _period, _basis) AS TABLE
    SELECT * EXCLUDE (period, basis) FROM facts_period_compare
    WHERE year BETWEEN _first_year AND _last_year AND period = _period AND basis = _basis
      AND (_period = 'month' OR month = period_last_month(_period, _month));

