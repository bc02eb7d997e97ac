--- summary  Provinces ranked by percent change against the same period a year earlier
--- summary_tr  İhracatı bir yıl önceki aynı döneme göre en hızlı artan iller
--- chart    bar value=change_pct
--- detail   Only provinces whose previous value is at least min_value take part, so that tiny bases do not dominate; ties share a rank. change_pct is NULL (and the province left out) when the previous value is zero.
--- detail   Only a complete panel (all 81 provinces with a value in both periods) can rank the changes, and releases do not rank them: on an incomplete panel this returns no rows (yoy_growth shows each province's change).
--- detail_tr  Yalnızca önceki değeri en az alt sınır kadar olan iller katılır, küçük tabanlar listeyi doldurmasın diye; eşit değerler aynı sırayı paylaşır. Önceki değer sıfırsa yüzde değişim boştur (ve il listede yer almaz).
--- detail_tr  Değişimleri yalnızca tam panel (iki dönemde de 81 ilin hepsinin değeri) sıralayabilir, bültenler de bunları sıralamaz: eksik bir panelde sonuç boştur (yoy_growth her ilin değişimini gösterir).
--- returns  rank bigint, province text, code int, change_pct double, value_usd decimal, previous_usd decimal, change_usd decimal, origin text, source text
--- param    year       int 2000..2100                         the year
--- param    month      int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    n          int 1..81 = 10                         how many provinces
--- param    min_value  decimal = 10000000                     the smallest previous value, in USD, that takes part
--- param    period     one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis      one_of(activity, registered) = activity  province of activity or of registration
--- empty    no ranking: fewer than 81 provinces have a value in both periods, and releases do not rank percent changes
--- empty_tr  sıralama yok: iki dönemde de değeri olan il sayısı 81'den az ve bültenler yüzde değişimleri sıralamaz
--- example  year=2025 month=10
WITH ranked AS (
    SELECT *, rank() OVER (ORDER BY change_pct DESC) AS rank
    FROM period_compare($year, $month, $period, $basis)
    WHERE change_pct IS NOT NULL AND previous_usd >= $min_value
      AND compared_panel($year, $month, $period, $basis) = 81
)
SELECT rank, province, province_code AS code, change_pct::DOUBLE AS change_pct, value_usd, previous_usd, change_usd, origin, source
FROM ranked
WHERE rank <= $n
ORDER BY rank, turkish_order(province)
