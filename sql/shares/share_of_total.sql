--- summary  Each province's share of Turkey's exports in a period, with the cumulative share
--- summary_tr  İllerin Türkiye ihracatındaki payı
--- chart    map value=share_pct
--- detail   Every province with a value for the period. share_pct is of the sum of all 81 provinces when the panel is complete, else of Turkey's published national total for the period (or one derived from published year-to-date totals); with neither it is NULL, and share_of says why. A share of rounded figures is shown at the precision they allow (two decimals for exact values, else one at most).
--- detail   Ranks as in top_provinces: the data's own on a complete panel, else a release's, else NULL (such provinces are listed after the ranked ones, by value). cumulative_pct is the share of the provinces ranked 1 to rank, so it is given only where every rank above is known.
--- detail_tr  Dönem için değeri olan her il. «Pay (%)», panel tamsa 81 ilin toplamına, değilse Türkiye'nin dönem için yayımlanan ulusal toplamına (ya da yayımlanan yılbaşından bu yana toplamlardan türetilene) göredir; ikisi de yoksa boştur ve «Payın paydası» nedenini söyler. Yuvarlanmış rakamların payı izin verdikleri duyarlıkla gösterilir (kesin değerler için iki ondalık, değilse en çok bir).
--- detail_tr  Sıralar top_provinces'taki gibidir: tam panelde verinin kendi sırası, değilse bir bültenin sırası, o da yoksa boş (bu iller sıralananlardan sonra, değere göre listelenir). «Birikimli pay (%)», 1'den o sıraya kadar sıralanan illerin payıdır; bu yüzden yalnızca üstündeki her sıra biliniyorsa verilir.
--- returns  rank bigint, province text, code int, value_usd decimal, share_pct double, cumulative_pct double, rank_origin text, share_of text, panel bigint, origin text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- param    province  province = null                      one province only (any spelling or plate code)
--- example  year=2025 month=10
--- example  year=2025 month=10 province=İstanbul
-- The shares are the province_shares macro: one period of the view province_shares_all, in
-- src/db/migrations/019_kept_shares.sql, kept for every period as the ranking is (`ihracat queries
-- show share_of_total` prints it).
SELECT rank, province, code, value_usd, share_pct, cumulative_pct, rank_origin, share_of, panel, origin
FROM province_shares($year, $month, $period, $basis)
WHERE $province IS NULL OR code = $province
ORDER BY rank NULLS LAST, value_usd DESC, turkish_order(province)
