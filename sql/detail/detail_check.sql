--- summary  Detail beside the province totals: do the product and country tables add up?
--- summary_tr  Ayrıntı ve il toplamları: ürün ve ülke tabloları toplamı tutuyor mu?
--- detail   For each province with a total or detail in the period: the total (exports), the sum of its rows by product and by country, their coverage of the total, and whether each is complete (adds up to the total within rounding). Totals and detail are never combined: analyses of totals keep using exports.
--- detail_tr  Dönemde toplamı ya da ayrıntısı olan her il için: ilin toplam ihracatı, ürüne ve ülkeye göre satırlarının toplamı, bunların toplamı ne kadar kapsadığı ve her birinin tam olup olmadığı (yuvarlama içinde toplama eşit mi). Toplamlar ve ayrıntı hiçbir zaman birleştirilmez: toplamların analizleri il toplamlarını kullanmaya devam eder.
--- returns  province text, code int, total_usd decimal, by_product_usd decimal, product_coverage_pct double, products_complete boolean, by_country_usd decimal, country_coverage_pct double, countries_complete boolean
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=7
SELECT coalesce(p.province, c.province) AS province, coalesce(p.province_code, c.province_code) AS code,
       coalesce(p.total_usd, c.total_usd) AS total_usd,
       p.detail_usd AS by_product_usd, p.coverage_pct AS product_coverage_pct, p.complete AS products_complete,
       c.detail_usd AS by_country_usd, c.coverage_pct AS country_coverage_pct, c.complete AS countries_complete
FROM detail_completeness($year, $month, $period, $basis, 'product') p
FULL JOIN detail_completeness($year, $month, $period, $basis, 'country') c USING (province_code)
WHERE p.detail_usd IS NOT NULL OR c.detail_usd IS NOT NULL
ORDER BY total_usd DESC NULLS LAST, turkish_order(coalesce(p.province, c.province))
