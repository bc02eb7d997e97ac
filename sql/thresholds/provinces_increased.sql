--- summary  How many provinces, and which, exported more than in the same period a year earlier
--- summary_tr  İhracatı bir yıl önceki aynı döneme göre artan il sayısı ve iller
--- detail   One row. provinces is the number to quote: counted from the data when all 81 provinces have a value in both periods (origin computed), else the number a release stated for the period (origin published, with its source; ytd and year releases state it); with neither it is NULL and missing says why. It is never the count among the provinces with data.
--- detail   names lists the provinces known to have risen, by the size of the rise: all of them on a complete panel, else those with both values (named counts them), a partial list.
--- detail_tr  Tek satır. Aktarılacak sayı «İl sayısı»dır: iki dönemde de 81 ilin hepsinin değeri varsa veriden sayılır («Kaynak türü» hesaplandı), değilse bir bültenin dönem için verdiği sayıdır («Kaynak türü» yayımlandı, kaynağıyla; yılbaşından bu yana ve yıl bültenleri bunu verir); ikisi de yoksa boştur ve «Eksik» nedenini söyler. Hiçbir zaman verisi olan iller arasındaki sayı değildir.
--- detail_tr  «Adlar», ihracatı arttığı bilinen illeri artışın büyüklüğüne göre sıralar: tam panelde hepsini, değilse iki değeri de olanları («Adı verilen» onları sayar); eksik bir liste.
--- returns  provinces bigint, origin text, source text, names text, named bigint, compared bigint, complete boolean, missing text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period  one_of(month, ytd, year) = ytd         that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
-- The release's count is read once and joined: each scalar subquery over it was planned anew.
WITH compared AS (
    SELECT * FROM period_compare($year, $month, $period, $basis)
    WHERE value_usd IS NOT NULL AND previous_usd IS NOT NULL
),
published AS (SELECT value, source_url, true AS stated FROM published_national($year, $month, $period, $basis, 'provinces_increased')),
counts AS (
    SELECT count(*) AS compared, count(*) FILTER (WHERE change_usd > 0) AS named,
           string_agg(province, ', ' ORDER BY change_usd DESC, turkish_order(province)) FILTER (WHERE change_usd > 0) AS names
    FROM compared
)
SELECT CASE WHEN compared = 81 THEN named ELSE pub.value::BIGINT END AS provinces,
       CASE WHEN compared = 81 THEN 'computed' WHEN pub.stated THEN 'published' END AS origin,
       CASE WHEN compared < 81 THEN pub.source_url END AS source,
       names, named, compared, compared = 81 AS complete,
       CASE WHEN compared < 81 AND pub.stated IS NULL
            THEN format('{} of 81 provinces have a value in both periods and no release stated the count', compared) END AS missing
FROM counts LEFT JOIN published pub ON true
