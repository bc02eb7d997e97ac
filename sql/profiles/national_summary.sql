--- summary  The national figures of a period: computed from the provinces when the panel is complete, else as published
--- summary_tr  Dönemin ulusal rakamları: il paneli tamsa illerden hesaplanmış, değilse yayımlandığı gibi
--- detail   Four figures, one row each: total exports, their percent change against the same period a year earlier, the number of provinces over 1 billion USD, and the number of provinces whose exports rose. computed holds the figure computed from the province panel, only when every one of the 81 provinces has a value in the period (and, for changes, a year earlier); published holds what a release stated, with its source (a month's total may be derived from two stated year-to-date totals, origin derived). value is the one to quote: computed when there is one, else published; origin says which, and missing explains a figure that is neither (never a zero or a partial sum, design rule 6).
--- detail_tr  Her biri bir satır, dört rakam: toplam ihracat, bir yıl önceki aynı döneme göre yüzde değişimi, 1 milyar doları aşan il sayısı ve ihracatı artan il sayısı. «Hesaplanan», il panelinden hesaplanan rakamı yalnızca 81 ilin hepsinin dönemde (değişimler için bir yıl önce de) değeri varsa tutar; «Yayımlanan» bir bültenin verdiğini kaynağıyla tutar (bir ayın toplamı, verilen iki yılbaşından bu yana toplamından türetilmiş olabilir, «Kaynak türü» türetildi). Aktarılacak olan «Değer»dir: varsa hesaplanan, yoksa yayımlanan; «Kaynak türü» hangisi olduğunu söyler, «Eksik» ikisi de olmayan bir rakamı açıklar (hiçbir zaman sıfır ya da eksik bir toplam değil, tasarım kuralı 6).
--- returns  metric text, value decimal, unit text, origin text, computed decimal, published decimal, published_precision decimal, source text, panel bigint, missing text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period  one_of(month, ytd, year) = ytd         that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
--- example  year=2024 month=12 period=year
-- The figures are the national_figures macro (one period of the view national_figures_all, in
-- src/db/migrations/011_national_facts.sql), which the monthly report's facts (month_facts) use too.
-- unit says what value is (dollars, a percent or a count of provinces), so that a workbook shows
-- 29 provinces as 29, not 29.00.
SELECT metric, value,
       CASE WHEN metric LIKE '%_pct' THEN 'percent' WHEN metric LIKE 'provinces_%' THEN 'count' ELSE 'usd' END AS unit,
       origin, computed, published, published_precision, source, panel, missing
FROM national_figures($year, $month, $period, $basis)
ORDER BY position
