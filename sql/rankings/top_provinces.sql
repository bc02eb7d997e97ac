--- summary  Provinces ranked by exports in a month, year-to-date or year
--- summary_tr  İhracatta illerin sıralaması
--- chart    bar value=value_usd label=province
--- detail   A province's value for the period is the sum of its months when all are present (ytd and year need every month), else for ytd and year the value a release stated (origin says which).
--- detail   Ranks: when all 81 provinces have a value the data ranks them (ties share a rank: 1, 2, 2, 4); otherwise the ranks are the ones a release gave beside the value shown (rank_origin published), and a province a release did not rank is not listed. So on the bundled data this is the release's own top list.
--- detail   share_pct is of the sum of all 81 provinces when the panel is complete, else of Turkey's published national total for the period (or one derived from published year-to-date totals); with neither it is NULL. share_of names the denominator (or why there is none) and panel counts the provinces with a value.
--- detail   change_pct is the change a release stated when the value shown is that release's and the earlier value is none or one derived from that release (not another release's, which a later release may have revised, nor a loaded one); otherwise it is computed from the two values shown (change_origin says which). change_usd is always value_usd minus previous_usd.
--- returns  rank bigint, province text, code int, value_usd decimal, share_pct double, change_usd decimal, change_pct double, previous_usd decimal, change_origin text, rank_origin text, panel bigint, share_of text, origin text, source text, previous_source text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    n       int 1..81 = 10                         how many provinces
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity (Ministry of Trade) or of registration (TİM)
--- empty    no province has a rank: fewer than 81 provinces have a value for the period and no release ranked the values shown
--- example  year=2025 month=10 n=5
--- example  year=2024 month=12 period=year
WITH stated_change AS (
    SELECT province_code, source_url, arg_max(value, release_year * 12 + release_month)::DOUBLE AS change_pct
    FROM published_figures
    WHERE metric = 'change_pct' AND NOT derived AND note IS NULL AND province_code IS NOT NULL
      AND period = $period AND year = $year AND month = period_last_month($period, $month) AND basis = $basis
    GROUP BY province_code, source_url
),
ranked AS (FROM province_ranks($year, $month, $period, $basis) WHERE rank <= $n)
SELECT r.rank, p.name AS province, r.province_code AS code, r.value_usd,
       round(100 * r.value_usd / d.total_usd, 2)::DOUBLE AS share_pct,
       c.change_usd,
       coalesce(s.change_pct, c.change_pct::DOUBLE) AS change_pct,
       c.previous_usd,
       CASE WHEN s.change_pct IS NOT NULL THEN 'published' WHEN c.change_pct IS NOT NULL THEN 'computed' END AS change_origin,
       r.rank_origin, d.panel, d.share_of, r.origin, r.source, c.previous_source
FROM ranked r
JOIN provinces p ON p.code = r.province_code
CROSS JOIN period_denominator($year, $month, $period, $basis) d
LEFT JOIN period_compare($year, $month, $period, $basis) c ON c.province_code = r.province_code
LEFT JOIN stated_change s ON s.province_code = r.province_code AND s.source_url = r.source AND r.origin = 'published'
                         -- The release's change fits only its own previous value (one derived from it):
                         -- beside another release's, or a loaded one, the change is computed.
                         AND (c.previous_origin IS NULL OR c.previous_origin = 'derived')
ORDER BY r.rank, p.name
