--- summary  The number of provinces over a threshold, year by year
--- summary_tr  Yıl yıl bir eşiği aşan il sayısı
--- chart    line value=provinces
--- detail   For each year from from_year to to_year, the number of provinces whose value for the period (ytd ending at month, or the full year) is at or above threshold. provinces is the number to quote: counted when all 81 provinces have a value (origin computed), else the number a release stated for 1 billion USD (origin published, with its source), else NULL (missing says why). with_data counts the provinces with a value at or above threshold, a lower bound on an incomplete panel.
--- detail_tr  Başlangıç yılından bitiş yılına her yıl için, dönem değeri (seçilen ayda biten yılbaşından bu yana ya da tam yıl) eşiğin üstünde ya da eşikte olan il sayısı. Aktarılacak sayı «İl sayısı»dır: 81 ilin hepsinin değeri varsa sayılır («Kaynak türü» hesaplandı), değilse bir bültenin 1 milyar dolar için verdiği sayıdır («Kaynak türü» yayımlandı, kaynağıyla), o da yoksa boştur («Eksik» nedenini söyler). «Verisi olan» değeri eşiğin üstünde ya da eşikte olan illeri sayar; eksik bir panelde bu bir alt sınırdır.
--- returns  year int, provinces bigint, origin text, source text, with_data bigint, panel bigint, complete boolean, missing text
--- param    from_year  int 2000..2100                         the first year
--- param    to_year    int 2000..2100                         the last year
--- param    month      int 1..12 = 12                         the last month of each period (ignored for year)
--- param    threshold  decimal = 1000000000                   the value in USD
--- param    period     one_of(ytd, year) = year               year-to-date or calendar year
--- param    basis      one_of(activity, registered) = activity  province of activity or of registration
--- check    from_year <= to_year
--- example  from_year=2023 to_year=2025
--- example  from_year=2024 to_year=2026 month=2 period=ytd
WITH years AS (SELECT range::INTEGER AS year FROM range($from_year, $to_year + 1)),
counts AS (
    SELECT y.year,
           count(v.province_code) FILTER (WHERE v.value_usd >= $threshold) AS with_data,
           count(v.province_code) AS panel
    FROM years y LEFT JOIN LATERAL (FROM province_values(y.year, $month, $period, $basis)) v ON true
    GROUP BY y.year
)
SELECT c.year,
       CASE WHEN c.panel = 81 THEN c.with_data ELSE pub.value::BIGINT END AS provinces,
       CASE WHEN c.panel = 81 THEN 'computed' WHEN pub.value IS NOT NULL THEN 'published' END AS origin,
       CASE WHEN c.panel < 81 THEN pub.source_url END AS source,
       c.with_data, c.panel, c.panel = 81 AS complete,
       CASE WHEN c.panel < 81 AND pub.value IS NULL
            THEN format('{} of 81 provinces have a value for the period and no release stated the count', c.panel) END AS missing
FROM counts c
LEFT JOIN LATERAL (
    FROM published_national(c.year, $month, $period, $basis, 'provinces_over_1b')
) pub ON $threshold = 1000000000
ORDER BY c.year
