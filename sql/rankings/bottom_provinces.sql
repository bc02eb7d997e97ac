--- summary  Provinces with the smallest exports in a period
--- summary_tr  Bu dönemde ihracatı en düşük iller
--- chart    bar value=value_usd first=smallest
--- detail   The other end of top_provinces, ranked from the smallest (1 is the smallest; ties share a rank). Only a complete panel (all 81 provinces with a value) can say which provinces are smallest: releases name the leading ones, so on an incomplete panel, as with the bundled data, this returns no rows.
--- detail_tr  top_provinces'ın öbür ucu: iller en küçükten sıralanır (1 en küçüktür; eşit değerler aynı sırayı paylaşır). Hangi illerin en küçük olduğunu yalnızca tam panel (81 ilin hepsinin değeri olan dönem) söyleyebilir: bültenler öndeki illerin adını verir, bu yüzden paketteki veride olduğu gibi eksik bir panelde sonuç boştur.
--- returns  rank bigint, province text, code int, value_usd decimal, share_pct double, change_usd decimal, change_pct double, origin text, share_of text, panel bigint
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    n       int 1..81 = 10                         how many provinces
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- empty    no ranking from the bottom: fewer than 81 provinces have a value for the period
--- empty_tr  alttan sıralama yok: dönem için değeri olan il sayısı 81'den az
--- example  year=2025 month=10 n=3
-- top_provinces' kept ranking of the period, ranked again from the smallest. Only a complete
-- panel ranks every province, so only then are all its rows there.
WITH ranked AS (
    SELECT rank() OVER (ORDER BY value_usd ASC) AS rank, province, code, value_usd, share_pct,
           change_usd, change_pct, origin, share_of, panel
    FROM province_ranking($year, $month, $period, $basis)
    WHERE panel = 81
)
FROM ranked
WHERE rank <= $n
ORDER BY rank, turkish_order(province)
