--- summary  A province's (or Turkey's) leading destination countries in a period, with share and change
--- summary_tr  Bir ilin (ya da Türkiye’nin) bu dönemde en çok ihracat yaptığı ülkeler
--- chart    bar value=value_usd
--- detail   Uses the detail rows by country over all products. A country counts for a province only when every month of the period is present. share_pct is of the province's total exports in the period (for Turkey, of the national denominator of top_provinces); change compares the same period a year earlier.
--- detail   shape says whether two-way rows (over all countries or all products) or the full province × country × product table were summed: analyses use the two-way rows of a province-month when there are any, and never add the two.
--- detail   Detail is often partial: the bundled figures are the releases' top countries of the leading provinces. detail_coverage_pct is the listed countries' sum against the total, and complete says whether they add up to it within their rounding (see detail_ranking in the README); on partial detail the ranks are of the countries present, not of all countries.
--- detail_tr  Tüm ürünler üzerinden ülkeye göre ayrıntı satırlarını kullanır. Bir ülke bir il için ancak dönemin her ayı varsa sayılır. «Pay (%)», ilin dönemdeki toplam ihracatına göredir (Türkiye için top_provinces'ın ulusal paydasına göre); değişim bir yıl önceki aynı dönemle karşılaştırır.
--- detail_tr  «Tablo biçimi», iki yönlü satırların mı (tüm ülkeler ya da tüm ürünler üzerinden) yoksa il × ülke × ürün tablosunun tamamının mı toplandığını söyler: analizler bir il-ayın iki yönlü satırları varsa onları kullanır ve ikisini hiçbir zaman toplamaz.
--- detail_tr  Ayrıntı çoğu zaman eksiktir: paketteki rakamlar bültenlerin öndeki iller için verdiği ilk ülkelerdir. «Ayrıntının kapsamı (%)» listelenen ülkelerin toplamının toplam içindeki oranıdır, «Tam» bunların yuvarlama içinde toplama eşit olup olmadığını söyler (README'de detail_ranking'e bakın); eksik ayrıntıda sıralar, bütün ülkelerin değil bulunan ülkelerin sıralarıdır.
--- returns  rank bigint, country text, name_tr text, name_en text, value_usd decimal, share_pct double, change_usd decimal, change_pct double, precision_usd decimal, provinces bigint, source text, shape text, total_usd decimal, detail_coverage_pct double, complete boolean
--- param    province  province = null                      a province in any spelling or plate code; omit for Turkey
--- param    year      int 2000..2100                         the year
--- param    month     int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    n         int 1..300 = 10                        how many countries
--- param    period    one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis     one_of(activity, registered) = activity  province of activity or of registration
--- example  province=İstanbul year=2025 month=7
--- example  year=2025 month=7 period=ytd
-- The ranking is the detail_top macro (src/db/migrations/012_detail_once.sql), which the monthly
-- report's facts (month_facts) use too.
SELECT rank, code AS country, name_tr, name_en, value_usd, share_pct, change_usd, change_pct,
       precision_usd, provinces, source, shape, total_usd, detail_coverage_pct, complete
FROM detail_top($year, $month, $period, $basis, $province, 'country')
WHERE rank <= $n
ORDER BY rank, turkish_order(country)
