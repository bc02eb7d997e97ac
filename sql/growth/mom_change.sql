--- summary  Every province's exports in a month against the month before
--- summary_tr  İllerin ihracatı, bir önceki aya göre
--- chart    map value=change_pct
--- detail   January is compared with December of the year before. Change is NULL when either month is missing, or when one is loaded and the other from a release (releases compare with their own revised figures, so the two are not comparable); change_pct is NULL when the earlier month is zero. A change of figures from releases is shown at the precision their rounding allows. Monthly exports are seasonal: compare with yoy_growth before reading much into this.
--- detail_tr  Ocak, bir önceki yılın Aralık ayıyla karşılaştırılır. Aylardan biri eksikse ya da biri yüklenmiş, öbürü bir bültenden geliyorsa değişim boştur (bültenler kendi düzeltilmiş rakamlarıyla karşılaştırır, bu yüzden ikisi karşılaştırılamaz); önceki ay sıfırsa yüzde değişim boştur. Bültenlerden gelen rakamların değişimi, yuvarlamalarının izin verdiği duyarlıkla gösterilir. Aylık ihracat mevsimseldir: bundan sonuç çıkarmadan önce yoy_growth ile karşılaştırın.
--- returns  province text, code int, value_usd decimal, previous_month_usd decimal, change_usd decimal, change_pct double, origin text, source text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
-- The changes are the month_changes macro: one month of the view month_changes_all, in
-- src/db/migrations/021_month_changes.sql, kept for every month as the ranking is (`ihracat
-- queries show mom_change` prints it).
SELECT province, code, value_usd, previous_month_usd, change_usd, change_pct, origin, source
FROM month_changes($year, $month, $basis)
ORDER BY value_usd DESC NULLS LAST, turkish_order(province)
