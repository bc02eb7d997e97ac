--- summary  How concentrated exports are: the top 1, 5 and 10 provinces' share and the Herfindahl-Hirschman index
--- summary_tr  İhracat ne kadar yoğunlaşmış: ilk 1, 5 ve 10 ilin payı ve Herfindahl-Hirschman endeksi
--- detail   On a complete panel (all 81 provinces) everything is computed from the data, shares of the panel's own sum. Shares of rounded figures are shown at the precision they allow (two decimals for exact values, else one at most). On an incomplete one the top k's share is given only when the provinces ranked 1 to k are all known (the ranks a release gave) and a national total was published (share_of), and hhi, which needs every province's share, is NULL; missing says what could not be given and why.
--- detail_tr  Tam panelde (81 ilin hepsi) her şey veriden hesaplanır; paylar panelin kendi toplamına göredir. Yuvarlanmış rakamların payları izin verdikleri duyarlıkla gösterilir (kesin değerler için iki ondalık, değilse en çok bir). Eksik bir panelde ilk k ilin payı yalnızca 1'den k'ya kadar sıralanan illerin hepsi biliniyorsa (bir bültenin verdiği sıralar) ve bir ulusal toplam yayımlanmışsa verilir («Payın paydası»); her ilin payını gerektiren HHI boştur; «Eksik» neyin verilemediğini ve nedenini söyler.
--- returns  top1_pct double, top5_pct double, top10_pct double, hhi double, panel bigint, complete boolean, share_of text, missing text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
WITH d AS (FROM period_denominator($year, $month, $period, $basis)),
-- On a complete panel the top k are the k largest values (ties cut at k); on an incomplete one,
-- the provinces a release ranked 1 to k, when all of them are known.
r AS (
    SELECT *, CASE WHEN panel = 81 THEN row_number() OVER (ORDER BY value_usd DESC) ELSE rank END AS position
    FROM province_ranks($year, $month, $period, $basis)
),
-- The sums and the denominator are columns before share_pct sees them: it repeats its arguments,
-- and DuckDB plans every copy (a scalar subquery of `d` was planned 23 times, a third of the time).
top AS (
    SELECT k, CASE WHEN known >= k AND last_known <= known
                   THEN share_pct(value_usd, precision_usd, total_usd, total_precision) END AS pct
    FROM (
        SELECT k, count(position) FILTER (WHERE position <= k) AS known,
               max(position) FILTER (WHERE position <= k) AS last_known,
               sum(r.value_usd) FILTER (WHERE position <= k) AS value_usd,
               sum(r.precision_usd) FILTER (WHERE position <= k) AS precision_usd,
               any_value(d.total_usd) AS total_usd, any_value(d.precision_usd) AS total_precision
        FROM (VALUES (1), (5), (10)) ks(k), r, d
        GROUP BY k
    )
),
hhi AS (
    SELECT CASE WHEN any_value(d.panel) = 81 THEN round_half_away(sum(pow(100 * r.value_usd / d.total_usd, 2)), 1) END AS hhi FROM r, d
)
SELECT (SELECT pct FROM top WHERE k = 1) AS top1_pct,
       (SELECT pct FROM top WHERE k = 5) AS top5_pct,
       (SELECT pct FROM top WHERE k = 10) AS top10_pct,
       hhi.hhi, d.panel, d.panel = 81 AS complete, d.share_of,
       CASE WHEN d.panel < 81 THEN format('{} of 81 provinces have a value: hhi needs them all{}', d.panel,
            CASE WHEN d.total_usd IS NULL THEN ', and shares need a national total, which no release gave'
                 ELSE ', and a top share needs every rank above it' END) END AS missing
FROM d, hhi
