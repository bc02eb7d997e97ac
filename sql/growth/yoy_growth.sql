--- summary  Every province's exports against the same period a year earlier
--- summary_tr  İllerin ihracatı, bir yıl önceki aynı döneme göre
--- chart    map value=change_pct
--- detail   One row for each province with a value in either period: current, previous, absolute and percent change. Where the period's own release stated its change, that change is shown (also where a later page printed the value again differently: the value shown is then the later one), beside the previous value the release implies (previous_origin derived, at its precision); otherwise the change is computed only where both values are loaded, or both come from releases (change_origin says which, NULL when neither; doubtful where the release printed a change the data doubts, which is withheld). Figures derived from rounded ones are rounded to the precision they have. change_pct is NULL when the previous value is zero.
--- detail   ytd and year need every month of the period, else a value a release stated for that period (origin and previous_origin say which).
--- detail_tr  İki dönemden birinde değeri olan her il için bir satır: bu dönem, önceki dönem, mutlak ve yüzde değişim. Dönemin kendi bülteni değişimini verdiyse o değişim gösterilir (sonraki bir sayfa değeri farklı yazdıysa gösterilen değer o sonrakidir), yanında bültenin ima ettiği önceki değer durur («Önceki değerin kaynak türü» türetildi, kendi duyarlığıyla); değilse değişim yalnızca iki değer de yüklenmişse ya da ikisi de bültenlerden geliyorsa hesaplanır («Değişimin kaynağı» hangisi olduğunu söyler; hiçbiri değilse boştur; bültenin verdiği değişimi veri kuşkulu buluyorsa kuşkulu olur ve değişim gösterilmez). Yuvarlanmış rakamlardan türetilen rakamlar sahip oldukları duyarlığa yuvarlanır. Önceki değer sıfırsa yüzde değişim boştur.
--- detail_tr  Yılbaşından bu yana ve yıl dönemleri dönemin her ayını gerektirir; yoksa bir bültenin o dönem için verdiği değer kullanılır («Kaynak türü» ve «Önceki değerin kaynak türü» hangisi olduğunu söyler).
--- returns  province text, code int, value_usd decimal, previous_usd decimal, change_usd decimal, change_pct double, origin text, previous_origin text, change_origin text, source text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
--- example  year=2025 month=12 period=year
SELECT province, province_code AS code, value_usd, previous_usd, change_usd, change_pct::DOUBLE AS change_pct, origin, previous_origin, change_origin, source
FROM period_compare($year, $month, $period, $basis)
ORDER BY value_usd DESC NULLS LAST, turkish_order(province)
