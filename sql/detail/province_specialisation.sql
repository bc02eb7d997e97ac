--- summary  Revealed comparative advantage: a province's share of a product chapter over Turkey's
--- summary_tr  Açıklanmış karşılaştırmalı üstünlük: ilin bir fasıldaki payı Türkiye’nin payına göre
--- chart    map value=rca
--- detail   rca = (the province's exports of the chapter / the province's exports) / (Turkey's exports of the chapter / Turkey's exports), over the provinces with a total for the period; above 1 the province is specialised in the chapter. Turkey's side needs every one of those provinces' complete tables by product, so on partial detail the query refuses with the reason.
--- detail_tr  RCA = (ilin o fasıldaki ihracatı / ilin ihracatı) / (Türkiye'nin o fasıldaki ihracatı / Türkiye'nin ihracatı); dönem için toplamı olan iller üzerinden. 1'in üstünde il o fasılda uzmanlaşmıştır. Türkiye tarafı bu illerin her birinin ürüne göre tam tablosunu gerektirir, bu yüzden eksik ayrıntıda sorgu nedenini söyleyerek reddeder.
--- returns  province text, code int, product text, value_usd decimal, share_of_province_pct double, share_of_turkey_pct double, rca double
--- param    product   product = null                         one chapter; omit for every chapter
--- param    year      int 2000..2100                         the year
--- param    month     int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period    one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis     one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=7
WITH c AS (FROM detail_completeness($year, $month, $period, $basis, 'product')),
guard AS (
    SELECT CASE WHEN NOT EXISTS (FROM c) OR EXISTS (SELECT 1 FROM c WHERE NOT complete) THEN error(format(
        'province_specialisation needs every province''s complete table by product for the period; {} of {} provinces with data have one (the bundled detail is the releases'' top three; a table that is the whole of its province-months loads with --complete)',
        (SELECT count(*) FILTER (WHERE complete) FROM c), (SELECT count(*) FROM c)))
    ELSE true END AS ok
),
cells AS (SELECT * FROM detail_cells($year, $month, $period, $basis, 'product')),
turkey AS (SELECT code, sum(value_usd) AS value_usd FROM cells GROUP BY code),
national AS (SELECT sum(total_usd) AS total_usd FROM c)
SELECT p.name AS province, p.code, x.code AS product, x.value_usd,
       round_half_away(100 * x.value_usd / c.total_usd, 2) AS share_of_province_pct,
       round_half_away(100 * t.value_usd / n.total_usd, 2) AS share_of_turkey_pct,
       round_half_away((x.value_usd / c.total_usd) / (t.value_usd / n.total_usd), 3) AS rca
FROM guard, cells x
JOIN c ON c.province_code = x.province_code
JOIN turkey t ON t.code = x.code
JOIN provinces p ON p.code = x.province_code
CROSS JOIN national n
WHERE guard.ok AND ($product IS NULL OR x.code = $product)
ORDER BY rca DESC, turkish_order(p.name), x.code
