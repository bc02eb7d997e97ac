--- summary  Every province's exports in a month against the month before
--- summary_tr  İllerin ihracatı, bir önceki aya göre
--- chart    map value=change_pct
--- detail   January is compared with December of the year before. Change is NULL when either month is missing, or when one is loaded and the other from a release (releases compare with their own revised figures, so the two are not comparable); change_pct is NULL when the earlier month is zero. A change of figures from releases is shown at the precision their rounding allows. Monthly exports are seasonal: compare with yoy_growth before reading much into this.
--- detail_tr  Ocak, bir önceki yılın Aralık ayıyla karşılaştırılır. Aylardan biri eksikse ya da biri yüklenmiş, öbürü bir bültenden geliyorsa değişim boştur (bültenler kendi düzeltilmiş rakamlarıyla karşılaştırır, bu yüzden ikisi karşılaştırılamaz); önceki ay sıfırsa yüzde değişim boştur. Bültenlerden gelen rakamların değişimi, yuvarlamalarının izin verdiği duyarlıkla gösterilir. Aylık ihracat mevsimseldir: bundan sonuç çıkarmadan önce yoy_growth ile karşılaştırın.
--- returns  province text, code int, value_usd decimal, previous_month_usd decimal, change_usd decimal, change_pct double
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
WITH cur AS (
    SELECT province_code, value_usd, precision_usd, load_id IS NOT NULL AS loaded FROM exports
    WHERE basis = $basis AND year = $year AND month = $month
),
prev AS (
    SELECT province_code, value_usd, precision_usd, load_id IS NOT NULL AS loaded FROM exports
    WHERE basis = $basis
      AND year = CASE WHEN $month = 1 THEN $year - 1 ELSE $year END
      AND month = CASE WHEN $month = 1 THEN 12 ELSE $month - 1 END
)
-- The percent and its precision are columns before shown_pct rounds them: it repeats its
-- precision six times, and DuckDB plans every copy of an expression (a column costs nothing).
SELECT province, code, value_usd, previous_month_usd, change_usd,
       shown_pct(unrounded_pct, pct_precision) AS change_pct
FROM (
    SELECT p.name AS province, p.code, cur.value_usd, prev.value_usd AS previous_month_usd,
           CASE WHEN cur.loaded = prev.loaded THEN shown_usd(cur.value_usd - prev.value_usd, cur.precision_usd + prev.precision_usd) END AS change_usd,
           CASE WHEN cur.loaded = prev.loaded AND prev.value_usd > 0
                THEN 100 * (cur.value_usd - prev.value_usd) / prev.value_usd END AS unrounded_pct,
           CASE WHEN cur.loaded = prev.loaded AND prev.value_usd > 0
                THEN 100 * (cur.precision_usd::DOUBLE / prev.value_usd::DOUBLE + cur.value_usd::DOUBLE * prev.precision_usd::DOUBLE / pow(prev.value_usd::DOUBLE, 2)) END AS pct_precision
    FROM provinces p
    LEFT JOIN cur ON cur.province_code = p.code
    LEFT JOIN prev ON prev.province_code = p.code
    WHERE cur.value_usd IS NOT NULL OR prev.value_usd IS NOT NULL
)
ORDER BY value_usd DESC NULLS LAST, turkish_order(province)
