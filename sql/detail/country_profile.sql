--- summary  Which provinces export to a country, with their shares
--- summary_tr  Bir ülkeye ihracat yapan iller ve payları
--- chart    map value=value_usd
--- detail   Each province's exports to the country in the period, its share of what the provinces with data export there (share_of_code_pct, of the listed provinces only on partial detail), and the country's share of the province's own exports (share_of_province_pct).
--- detail_tr  Her ilin dönemde ülkeye ihracatı, verisi olan illerin oraya ihracatı içindeki payı («Toplamdaki payı (%)»; eksik ayrıntıda yalnızca listelenen illere göre) ve ülkenin ilin kendi ihracatındaki payı («İldeki payı (%)»).
--- returns  rank bigint, province text, code int, value_usd decimal, share_of_code_pct double, share_of_province_pct double, change_pct double
--- param    country   country                                a country by name (Turkish or English) or ISO code
--- param    year      int 2000..2100                         the year
--- param    month     int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period    one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis     one_of(activity, registered) = activity  province of activity or of registration
--- example  country=DE year=2025 month=7
SELECT rank() OVER (ORDER BY value_usd DESC) AS rank, province, province_code AS code, value_usd, share_of_code_pct, share_of_province_pct, change_pct
FROM detail_by_province($year, $month, $period, $basis, $country, 'country')
WHERE value_usd IS NOT NULL
ORDER BY rank, turkish_order(province)
