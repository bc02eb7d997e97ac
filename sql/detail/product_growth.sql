--- summary  One product chapter's exports by province, against the same period a year earlier
--- summary_tr  Bir fasılın illere göre ihracatı, bir yıl önceki aynı döneme göre
--- chart    map value=change_pct
--- detail   For each province with the chapter in either period (rows by product over all countries): value, previous value, absolute and percent change, ordered by the absolute change. A province counts only when every month of the period is present; on partial detail (the bundled releases' top three) a province missing from a period is missing, not zero.
--- detail_tr  İki dönemden birinde o fasılda ihracatı olan her il için (tüm ülkeler üzerinden ürüne göre satırlar): değer, önceki değer, mutlak ve yüzde değişim, mutlak değişime göre sıralı. Bir il ancak dönemin her ayı varsa sayılır; eksik ayrıntıda (paketteki bültenlerin ilk üçü) bir dönemde bulunmayan il eksiktir, sıfır değil.
--- returns  province text, code int, value_usd decimal, previous_usd decimal, change_usd decimal, change_pct double, share_of_province_pct double
--- param    product   product                                an HS chapter by code or name, such as 87 or "motorlu kara taşıtları"
--- param    year      int 2000..2100                         the year
--- param    month     int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period    one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis     one_of(activity, registered) = activity  province of activity or of registration
--- example  product=87 year=2025 month=7
SELECT province, province_code AS code, value_usd, previous_usd, change_usd, change_pct, share_of_province_pct
FROM detail_by_province($year, $month, $period, $basis, $product, 'product')
ORDER BY change_usd DESC NULLS LAST, value_usd DESC NULLS LAST, turkish_order(province)
