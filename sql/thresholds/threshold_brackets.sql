--- summary  How many provinces fall in each band of exports in a period
--- summary_tr  İhracat dilimlerine göre il sayısı
--- chart    bar value=provinces label=band
--- detail   Bands are given by their lower bounds in USD (default 1 billion, 500 million, 100 million, 10 million), plus a band below the smallest. When all 81 provinces have a value, provinces counts each band and value_usd sums it (origin computed).
--- detail   On an incomplete panel a band's count is unknown and provinces is NULL, except the open top band starting at 1 billion USD, whose count a release may have stated (origin published, with its source). with_data counts the provinces with a value in each band (a lower bound, never the band's count) and unknown the provinces without one.
--- detail_tr  Aralıklar dolar cinsinden alt sınırlarıyla verilir (varsayılan 1 milyar, 500 milyon, 100 milyon, 10 milyon), en küçüğün altında da bir aralık vardır. 81 ilin hepsinin değeri varsa «İl sayısı» her aralıktaki illeri sayar, «Değer ($)» onları toplar («Kaynak türü» hesaplandı).
--- detail_tr  Eksik bir panelde bir aralıktaki il sayısı bilinmez ve «İl sayısı» boştur; yalnızca 1 milyar dolardan başlayan açık üst aralığın sayısını bir bülten vermiş olabilir («Kaynak türü» yayımlandı, kaynağıyla). «Verisi olan» her aralıkta değeri olan illeri sayar (aralığın sayısı değil, bir alt sınır), «Bilinmeyen» değeri olmayan illeri.
--- returns  band text, lower_usd decimal, upper_usd decimal, provinces bigint, value_usd decimal, origin text, source text, with_data bigint, unknown bigint, panel bigint
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    bands   list(decimal) = "1000000000,500000000,100000000,10000000"  lower bounds of the bands, in USD
--- param    period  one_of(month, ytd, year) = ytd         that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
--- example  year=2025 month=10 period=month bands=2000000000,1000000000
WITH bounds AS (
    SELECT DISTINCT unnest($bands::DECIMAL(18, 2)[]) AS lower_usd
    UNION SELECT 0
),
bands AS (
    SELECT lower_usd, lead(lower_usd) OVER (ORDER BY lower_usd) AS upper_usd FROM bounds
),
v AS (FROM province_values($year, $month, $period, $basis)),
panel AS (SELECT count(*) AS provinces FROM v),
published AS (FROM published_national($year, $month, $period, $basis, 'provinces_over_1b')),
counted AS (
    SELECT b.lower_usd, b.upper_usd, count(v.province_code) AS with_data, sum(v.value_usd) AS value_usd
    FROM bands b
    LEFT JOIN v ON v.value_usd >= b.lower_usd AND (b.upper_usd IS NULL OR v.value_usd < b.upper_usd)
    GROUP BY b.lower_usd, b.upper_usd
)
SELECT CASE WHEN c.upper_usd IS NULL THEN format('at least {}', c.lower_usd::BIGINT)
            WHEN c.lower_usd = 0 THEN format('below {}', c.upper_usd::BIGINT)
            ELSE format('{} to {}', c.lower_usd::BIGINT, c.upper_usd::BIGINT) END AS band,
       c.lower_usd, c.upper_usd,
       CASE WHEN panel.provinces = 81 THEN c.with_data
            WHEN c.upper_usd IS NULL AND c.lower_usd = 1000000000 THEN (SELECT value::BIGINT FROM published) END AS provinces,
       CASE WHEN panel.provinces = 81 THEN c.value_usd END AS value_usd,
       CASE WHEN panel.provinces = 81 THEN 'computed'
            WHEN c.upper_usd IS NULL AND c.lower_usd = 1000000000 AND EXISTS (FROM published) THEN 'published' END AS origin,
       CASE WHEN panel.provinces < 81 AND c.upper_usd IS NULL AND c.lower_usd = 1000000000 THEN (SELECT source_url FROM published) END AS source,
       c.with_data, 81 - panel.provinces AS unknown, panel.provinces AS panel
FROM counted c, panel
ORDER BY c.lower_usd DESC
