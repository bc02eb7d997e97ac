--- summary  How many provinces, and which, reached an export value in a period (default: 1 billion USD year-to-date)
--- summary_tr  Bu dönemde bir ihracat değerine ulaşan il sayısı ve iller
--- detail   One row. provinces is the number to quote: counted from the data when all 81 provinces have a value for the period (origin computed), else the number of provinces over 1 billion USD that a release stated for the period (origin published, with its source, when threshold is 1 billion); with neither it is NULL and missing says why. It is never the count among the provinces with data.
--- detail   names lists the provinces known to be at or above threshold, largest first: all of them on a complete panel, else only those with a value (named is how many), so on an incomplete panel it is a partial list and says so in complete.
--- detail_tr  Tek satır. Aktarılacak sayı «İl sayısı»dır: dönem için 81 ilin hepsinin değeri varsa veriden sayılır («Kaynak türü» hesaplandı), değilse bir bültenin dönem için verdiği 1 milyar doları aşan il sayısıdır (eşik 1 milyar iken, «Kaynak türü» yayımlandı, kaynağıyla); ikisi de yoksa boştur ve «Eksik» nedenini söyler. Hiçbir zaman verisi olan iller arasındaki sayı değildir.
--- detail_tr  «Adlar», eşiğin üstünde ya da eşikte olduğu bilinen illeri büyükten küçüğe sıralar: tam panelde hepsini, değilse yalnızca değeri olanları («Adı verilen» kaçı olduğunu söyler); eksik bir panelde bu liste eksiktir ve «Tam» bunu söyler.
--- returns  threshold decimal, provinces bigint, origin text, source text, names text, named bigint, complete boolean, panel bigint, missing text
--- param    year       int 2000..2100                         the year
--- param    month      int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    threshold  decimal = 1000000000                   the value in USD
--- param    period     one_of(month, ytd, year) = ytd         that month, January to that month, or the calendar year
--- param    basis      one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
--- example  year=2024 month=12 period=year threshold=20000000000
-- The release's count is read once and joined: each scalar subquery over it was planned anew.
WITH v AS (FROM province_values($year, $month, $period, $basis)),
panel AS (SELECT count(*) AS provinces FROM v),
published AS (
    SELECT value, source_url, true AS stated FROM published_national($year, $month, $period, $basis, 'provinces_over_1b')
    WHERE $threshold = 1000000000
),
over AS (
    SELECT count(*) AS named, string_agg(p.name, ', ' ORDER BY v.value_usd DESC, turkish_order(p.name)) AS names
    FROM v JOIN provinces p ON p.code = v.province_code
    WHERE v.value_usd >= $threshold
)
SELECT $threshold::DECIMAL(18, 2) AS threshold,
       CASE WHEN panel.provinces = 81 THEN over.named ELSE pub.value::BIGINT END AS provinces,
       CASE WHEN panel.provinces = 81 THEN 'computed' WHEN pub.stated THEN 'published' END AS origin,
       CASE WHEN panel.provinces < 81 THEN pub.source_url END AS source,
       over.names, over.named, panel.provinces = 81 AS complete, panel.provinces AS panel,
       CASE WHEN panel.provinces < 81 AND pub.stated IS NULL
            THEN format('{} of 81 provinces have a value for the period and no release stated the count{}', panel.provinces,
                        CASE WHEN $threshold <> 1000000000 THEN ' (releases state it for 1 billion USD only)' ELSE '' END) END AS missing
FROM panel CROSS JOIN over LEFT JOIN published pub ON true
