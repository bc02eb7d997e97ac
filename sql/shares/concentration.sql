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
-- The figures are the share_concentration macro: one period of the view share_concentration_all,
-- in src/db/migrations/019_kept_shares.sql, kept for each period with data as the ranking is
-- (`ihracat queries show concentration` prints it).
SELECT top1_pct, top5_pct, top10_pct, hhi, panel, complete, share_of, missing
FROM share_concentration($year, $month, $period, $basis)
