--- summary  Countries a province exported to in a period and not in the same period a year earlier
--- summary_tr  Bir ilin bu dönemde ihracat yapıp bir yıl önce yapmadığı ülkeler
--- chart    bar value=value_usd label=name
--- detail   Needs the province's complete tables by country for both periods (the detail adding up to its totals): on partial detail a country absent from the top three is not a country with no exports, so the query refuses with the reason.
--- detail_tr  İlin iki dönem için de ülkelere göre tam tablolarını (toplamlarına eşit ayrıntıyı) gerektirir: eksik ayrıntıda ilk üçte olmayan bir ülke ihracat yapılmayan bir ülke değildir, bu yüzden sorgu nedenini söyleyerek reddeder.
--- returns  country text, name text, value_usd decimal, share_pct double
--- param    province  province                               a province in any spelling or plate code
--- param    year      int 2000..2100                         the year
--- param    month     int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period    one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis     one_of(activity, registered) = activity  province of activity or of registration
--- example  province=Bursa year=2025 month=7
WITH now AS (SELECT complete, detail_usd FROM detail_completeness($year, $month, $period, $basis, 'country') WHERE province_code = $province),
before AS (SELECT complete, detail_usd FROM detail_completeness($year - 1, $month, $period, $basis, 'country') WHERE province_code = $province),
guard AS (
    SELECT CASE WHEN NOT coalesce((SELECT complete FROM now), false) OR NOT coalesce((SELECT complete FROM before), false) THEN error(format(
        'new_markets needs the province''s complete table by country for the period and a year earlier; the detail present is complete for the period: {}, a year earlier: {} (a table that is the whole of its province-months loads with --complete)',
        coalesce((SELECT complete FROM now), false), coalesce((SELECT complete FROM before), false)))
    ELSE true END AS ok
),
cur AS (SELECT code, value_usd FROM detail_cells($year, $month, $period, $basis, 'country') WHERE province_code = $province),
prev AS (SELECT code FROM detail_cells($year - 1, $month, $period, $basis, 'country') WHERE province_code = $province AND value_usd > 0)
SELECT cur.code AS country, c.name_tr AS name, cur.value_usd,
       round_half_away(100 * cur.value_usd / (SELECT detail_usd FROM now), 2) AS share_pct
FROM guard, cur LEFT JOIN countries c ON c.code = cur.code
WHERE guard.ok AND cur.value_usd > 0 AND cur.code NOT IN (SELECT code FROM prev)
ORDER BY cur.value_usd DESC, cur.code
