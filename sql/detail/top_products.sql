--- summary  A province's (or Turkey's) leading HS chapters in a period, with share and change
--- summary_tr  Bir ilin (ya da Türkiye’nin) bu dönemde en çok ihraç ettiği fasıllar
--- chart    bar value=value_usd
--- detail   name_tr and name_en are the short names releases print where known, else the chapter titles.
--- detail   Uses the detail rows by product over all countries. A chapter counts for a province only when every month of the period is present. share_pct is of the province's total exports in the period (for Turkey, of the national denominator of top_provinces); change compares the same period a year earlier.
--- detail   shape says whether two-way rows (over all countries or all products) or the full province × country × product table were summed: analyses use the two-way rows of a province-month when there are any, and never add the two.
--- detail   Detail is often partial: the bundled figures are the releases' top three chapters of the leading provinces. detail_coverage_pct is the listed chapters' sum against the total, and complete says whether they add up to it within their rounding (see detail_ranking in the README); on partial detail the ranks are of the chapters present, not of all chapters.
--- detail_tr  «Ad (Türkçe)» ve «Ad (İngilizce)», bilindiği yerde bültenlerin yazdığı kısa adlar, değilse fasıl başlıklarıdır.
--- detail_tr  Tüm ülkeler üzerinden ürüne göre ayrıntı satırlarını kullanır. Bir fasıl bir il için ancak dönemin her ayı varsa sayılır. «Pay (%)», ilin dönemdeki toplam ihracatına göredir (Türkiye için top_provinces'ın ulusal paydasına göre); değişim bir yıl önceki aynı dönemle karşılaştırır.
--- detail_tr  «Tablo biçimi», iki yönlü satırların mı (tüm ülkeler ya da tüm ürünler üzerinden) yoksa il × ülke × ürün tablosunun tamamının mı toplandığını söyler: analizler bir il-ayın iki yönlü satırları varsa onları kullanır ve ikisini hiçbir zaman toplamaz.
--- detail_tr  Ayrıntı çoğu zaman eksiktir: paketteki rakamlar bültenlerin öndeki iller için verdiği ilk üç fasıldır. «Ayrıntının kapsamı (%)» listelenen fasılların toplamının toplam içindeki oranıdır, «Tam» bunların yuvarlama içinde toplama eşit olup olmadığını söyler (README'de detail_ranking'e bakın); eksik ayrıntıda sıralar, bütün fasılların değil bulunan fasılların sıralarıdır.
--- returns  rank bigint, product text, name_tr text, name_en text, value_usd decimal, share_pct double, change_usd decimal, change_pct double, precision_usd decimal, provinces bigint, source text, shape text, total_usd decimal, detail_coverage_pct double, complete boolean
--- param    province  province = null                      a province in any spelling or plate code; omit for Turkey
--- param    year      int 2000..2100                         the year
--- param    month     int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    n         int 1..99 = 10                         how many chapters
--- param    period    one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis     one_of(activity, registered) = activity  province of activity or of registration
--- example  province=Kocaeli year=2025 month=7
--- example  year=2025 month=7 period=ytd
-- The ranking is the detail_top macro (src/db/migrations/012_detail_once.sql), which the monthly
-- report's facts (month_facts) use too.
SELECT rank, code AS product, name_tr, name_en, value_usd, share_pct, change_usd, change_pct,
       precision_usd, provinces, source, shape, total_usd, detail_coverage_pct, complete
FROM detail_top($year, $month, $period, $basis, $province, 'product')
WHERE rank <= $n
ORDER BY rank, product
