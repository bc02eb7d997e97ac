--- summary  Exports to one country by province, against the same period a year earlier
--- summary_tr  Bir ülkeye illerin ihracatı, bir yıl önceki aynı döneme göre
--- chart    map value=change_pct
--- detail   For each province with exports to the country in either period (rows by country over all products): value, previous value, absolute and percent change, ordered by the absolute change. A province counts only when every month of the period is present; on partial detail a province missing from a period is missing, not zero.
--- detail_tr  İki dönemden birinde ülkeye ihracatı olan her il için (tüm ürünler üzerinden ülkeye göre satırlar): değer, önceki değer, mutlak ve yüzde değişim, mutlak değişime göre sıralı. Bir il ancak dönemin her ayı varsa sayılır; eksik ayrıntıda bir dönemde bulunmayan il eksiktir, sıfır değil.
--- returns  province text, code int, value_usd decimal, previous_usd decimal, change_usd decimal, change_pct double, share_of_province_pct double
--- param    country   country                                a country by name (Turkish or English) or ISO code, such as Almanya or DE
--- param    year      int 2000..2100                         the year
--- param    month     int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period    one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis     one_of(activity, registered) = activity  province of activity or of registration
--- example  country=Almanya year=2025 month=7
SELECT province, province_code AS code, value_usd, previous_usd, change_usd, change_pct, share_of_province_pct
FROM detail_by_province($year, $month, $period, $basis, $country, 'country')
ORDER BY change_usd DESC NULLS LAST, value_usd DESC NULLS LAST, turkish_order(province)
