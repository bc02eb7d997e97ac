--- summary  One province's months in a year: value, change against a year earlier, and rank
--- summary_tr  Bir ilin yıl içindeki ayları: değer, bir yıl önceye göre değişim ve sıra
--- chart    line value=value_usd
--- detail   Every month of the year: the value (NULL when missing), the same month a year earlier and the change, as yoy_growth shows them (the change a month's release stated, beside the previous value that release implies; else computed where both values are loaded or both come from releases; change_origin says which), and the province's rank: the data's own when all 81 provinces have a value that month, else the rank a release gave beside the value shown, else NULL (rank_origin says which). panel counts the provinces with a value that month.
--- detail_tr  Yılın her ayı: değer (eksikse boş), bir yıl önceki aynı ay ve değişim, yoy_growth'un gösterdiği gibi (bir ayın bülteninin verdiği değişim, yanında o bültenin ima ettiği önceki değer; değilse iki değer de yüklenmişse ya da ikisi de bültenlerden geliyorsa hesaplanan değişim; «Değişimin kaynağı» hangisi olduğunu söyler), ve ilin sırası: o ay 81 ilin hepsinin değeri varsa verinin kendi sırası, değilse gösterilen değerin yanında bir bültenin verdiği sıra, o da yoksa boş («Sıranın kaynağı» hangisi olduğunu söyler). «Verisi olan il» o ay değeri olan illeri sayar.
--- returns  month int, value_usd decimal, previous_usd decimal, change_usd decimal, change_pct double, change_origin text, rank bigint, rank_origin text, panel bigint, origin text, source text
--- param    province  province                               a name in any spelling, or a plate code
--- param    year      int 2000..2100                         the year
--- param    basis     one_of(activity, registered) = activity  province of activity or of registration
--- example  province=Kocaeli year=2025
-- The year's twelve months of province_ranks and period_compare, each read at once (a span's month
-- argument, 12 here, only picks the month a ytd ends in: src/db/migrations/013_spans.sql).
WITH months AS (SELECT range::INTEGER AS month FROM range(1, 13)),
ranked AS (FROM province_ranks_span($year, $year, 12, 'month', $basis) WHERE province_code = $province),
compared AS (FROM period_compare_span($year, $year, 12, 'month', $basis) WHERE province_code = $province),
panels AS (SELECT month, count(*) AS panel FROM exports WHERE basis = $basis AND year = $year GROUP BY month)
SELECT m.month, r.value_usd, c.previous_usd, c.change_usd, c.change_pct, c.change_origin,
       r.rank, r.rank_origin, coalesce(n.panel, 0) AS panel, r.origin, r.source
FROM months m
LEFT JOIN ranked r ON r.month = m.month
LEFT JOIN compared c ON c.month = m.month
LEFT JOIN panels n ON n.month = m.month
ORDER BY m.month
