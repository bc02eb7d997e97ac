--- summary  Each province's share of exports in a period, with the cumulative share
--- detail   Provinces ordered by value; share_pct is of the published national total when a release gave one, else of the sum of the provinces with data (share_of names it; on an incomplete panel the shares of the provinces with data are overstated against Turkey's total). Ties share a rank.
--- returns  rank bigint, province text, code int, value_usd decimal, share_pct double, cumulative_pct double, share_of text, panel bigint
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- param    province  province = null                      one province only (any spelling or plate code)
--- example  year=2025 month=10
--- example  year=2025 month=10 province=İstanbul
WITH v AS (FROM province_values($year, $month, $period, $basis)),
ranked AS (
    SELECT v.*, p.name AS province,
           rank() OVER (ORDER BY value_usd DESC) AS rank,
           sum(value_usd) OVER (ORDER BY value_usd DESC, p.name ROWS UNBOUNDED PRECEDING) AS cumulative_usd
    FROM v JOIN provinces p ON p.code = v.province_code
)
SELECT r.rank, r.province, r.province_code AS code, r.value_usd,
       round(100 * r.value_usd / d.total_usd, 2)::DOUBLE AS share_pct,
       round(100 * r.cumulative_usd / d.total_usd, 2)::DOUBLE AS cumulative_pct,
       d.share_of, d.panel
FROM ranked r, period_denominator($year, $month, $period, $basis) d
WHERE $province IS NULL OR r.province_code = $province
ORDER BY r.rank, r.province
