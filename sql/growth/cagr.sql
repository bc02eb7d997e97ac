--- summary  Compound annual growth of each province's exports between two years
--- summary_tr  İllerin ihracatında iki yıl arasındaki yıllık bileşik büyüme
--- chart    map value=cagr_pct
--- detail   Uses full-year values: all twelve months, else a full-year value a release stated. cagr_pct = ((end / start) ^ (1 / years) - 1) * 100; NULL when either year is missing or the start is zero. Shown at the precision the two values allow (two decimals for exact values, else one at most).
--- detail_tr  Tam yıl değerlerini kullanır: on iki ayın hepsi, yoksa bir bültenin verdiği tam yıl değeri. Yıllık bileşik büyüme = ((bitiş / başlangıç) ^ (1 / yıl sayısı) - 1) * 100; yıllardan biri eksikse ya da başlangıç sıfırsa boştur. İki değerin izin verdiği duyarlıkla gösterilir (kesin değerler için iki ondalık, değilse en çok bir).
--- returns  province text, code int, start_usd decimal, end_usd decimal, years int, cagr_pct double, origin text, source text
--- param    from_year  int 2000..2100                         the first year
--- param    to_year    int 2000..2100                         the last year (after from_year)
--- param    basis      one_of(activity, registered) = activity  province of activity or of registration
--- check    from_year < to_year
--- example  from_year=2024 to_year=2025
WITH first AS (FROM province_values($from_year, 12, 'year', $basis)),
     last AS (FROM province_values($to_year, 12, 'year', $basis))
-- The rate and its precision are columns before shown_pct rounds them: it repeats its precision
-- six times, and DuckDB plans every copy of an expression (a column costs nothing).
SELECT province, code, start_usd, end_usd, years, shown_pct(unrounded_pct, pct_precision) AS cagr_pct, origin, source
FROM (
    SELECT p.name AS province, p.code, first.value_usd AS start_usd, last.value_usd AS end_usd,
           ($to_year - $from_year)::INTEGER AS years,
           -- Where the last year's value comes from (a chart credits it).
           last.origin, last.source,
           CASE WHEN first.value_usd > 0 AND $to_year > $from_year
                THEN 100 * (pow(last.value_usd / first.value_usd, 1 / ($to_year - $from_year)) - 1) END AS unrounded_pct,
           -- The relative roundings of both ends, spread over the years.
           CASE WHEN first.value_usd > 0 AND $to_year > $from_year
                THEN 100 * (first.precision_usd::DOUBLE / first.value_usd::DOUBLE + last.precision_usd::DOUBLE / last.value_usd::DOUBLE)
                         / ($to_year - $from_year) END AS pct_precision
    FROM provinces p
    LEFT JOIN first ON first.province_code = p.code
    LEFT JOIN last ON last.province_code = p.code
    WHERE first.value_usd IS NOT NULL OR last.value_usd IS NOT NULL
)
ORDER BY cagr_pct DESC NULLS LAST, turkish_order(province)
