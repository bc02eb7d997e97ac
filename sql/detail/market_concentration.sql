--- summary  How concentrated each province's exports are across countries (Herfindahl-Hirschman index)
--- summary_tr  İllerin ihracatının ülkelere göre yoğunlaşması (Herfindahl-Hirschman endeksi)
--- chart    map value=hhi
--- detail   hhi is the sum of the squared percent shares of the province's destination countries (0 to 10,000); top_country_pct is the largest share. It needs the province's complete table by country for the period (the detail adding up to its total): on partial detail it refuses with the reason, since an index over the top three countries means nothing.
--- detail_tr  HHI, ilin gittiği ülkelerin yüzde paylarının karelerinin toplamıdır (0 ile 10.000 arası); «İlk ülkenin payı (%)» en büyük paydır. İlin dönem için ülkelere göre tam tablosunu (toplamına eşit ayrıntıyı) gerektirir: eksik ayrıntıda nedenini söyleyerek reddeder, çünkü ilk üç ülke üzerinden bir endeksin anlamı yoktur.
--- returns  province text, code int, hhi double, countries bigint, top_country text, top_country_pct double, total_usd decimal
--- param    province  province = null                      one province; omit for every province with complete detail
--- param    year      int 2000..2100                         the year
--- param    month     int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period    one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis     one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=7
WITH c AS (FROM detail_completeness($year, $month, $period, $basis, 'country')),
guard AS (
    SELECT CASE
        WHEN $province IS NOT NULL AND NOT coalesce((SELECT complete FROM c WHERE province_code = $province), false) THEN error(format(
            'market_concentration needs the complete table of the province''s exports by country for the period; the detail present adds up to {} of its total {} (a table that is the whole of its province-months loads with --complete)',
            coalesce((SELECT detail_usd::VARCHAR FROM c WHERE province_code = $province), 'nothing'),
            coalesce((SELECT total_usd::VARCHAR FROM c WHERE province_code = $province), 'unknown')))
        WHEN $province IS NULL AND NOT EXISTS (SELECT 1 FROM c WHERE complete) THEN error(
            'market_concentration needs complete tables by country: no province has detail adding up to its total for the period (the bundled detail is the releases'' top three; a table that is the whole of its province-months loads with --complete)')
        ELSE true END AS ok
),
shares AS (
    SELECT d.province_code, d.code, 100 * d.value_usd / c.total_usd AS share_pct, c.total_usd
    FROM detail_cells($year, $month, $period, $basis, 'country') d
    JOIN c ON c.province_code = d.province_code AND c.complete
    WHERE $province IS NULL OR d.province_code = $province
)
SELECT p.name AS province, p.code, round_half_away(sum(share_pct * share_pct), 1) AS hhi, count(*) AS countries,
       arg_max(s.code, share_pct) AS top_country, round_half_away(max(share_pct), 2) AS top_country_pct, any_value(s.total_usd) AS total_usd
FROM guard, shares s JOIN provinces p ON p.code = s.province_code
WHERE guard.ok
GROUP BY p.name, p.code
ORDER BY hhi DESC, turkish_order(p.name)
