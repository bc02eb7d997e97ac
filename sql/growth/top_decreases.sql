--- summary  Provinces whose exports fell most against the same period a year earlier
--- summary_tr  İhracatı bir yıl önceki aynı döneme göre en çok azalan iller
--- chart    bar value=change_usd
--- detail   Ranked by absolute fall in USD; ties share a rank. Only a complete panel (all 81 provinces with a value in both periods) can rank the falls, and releases do not list them: on an incomplete panel this returns no rows (yoy_growth shows each province's change).
--- detail_tr  Dolar cinsinden mutlak düşüşe göre sıralanır; eşit değerler aynı sırayı paylaşır. Düşüşleri yalnızca tam panel (iki dönemde de 81 ilin hepsinin değeri) sıralayabilir, bültenler de bunları listelemez: eksik bir panelde sonuç boştur (yoy_growth her ilin değişimini gösterir).
--- returns  rank bigint, province text, code int, change_usd decimal, value_usd decimal, previous_usd decimal, change_pct double, panel bigint, origin text, source text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    n       int 1..81 = 5                          how many provinces
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- empty    no ranking: fewer than 81 provinces have a value in both periods, and releases do not list the largest falls
--- empty_tr  sıralama yok: iki dönemde de değeri olan il sayısı 81'den az ve bültenler en büyük düşüşleri listelemez
--- example  year=2025 month=10
WITH compared AS (
    SELECT * FROM period_compare($year, $month, $period, $basis)
    WHERE value_usd IS NOT NULL AND previous_usd IS NOT NULL
),
-- The panel is compared_panel's count (src/db/migrations/010_facts.sql), taken here in a window
-- over the compared rows: the macro's scalar subquery was planned anew at each use.
ranked AS (
    SELECT *, count(*) OVER () AS panel, rank() OVER (ORDER BY change_usd ASC) AS rank
    FROM compared
)
SELECT rank, province, province_code AS code, change_usd, value_usd, previous_usd, change_pct::DOUBLE AS change_pct, panel, origin, source
FROM ranked
WHERE panel = 81 AND change_usd < 0 AND rank <= $n
ORDER BY rank, turkish_order(province)
