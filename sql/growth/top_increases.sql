--- summary  Provinces whose exports rose most against the same period a year earlier (the releases' "en fazla artış")
--- summary_tr  İhracatı bir yıl önceki aynı döneme göre en çok artan iller
--- chart    bar value=change_usd
--- detail   When all 81 provinces have a value in both periods the data ranks them by absolute change in USD (ties share a rank; origin computed). Otherwise the list is a release's own list of the largest increases for the period, in its order and with its figures (origin published, source the release): a province missing either value cannot be ranked by the data, so the data never ranks a partial panel.
--- detail   In a release's list, value_usd is the release's own value for the province when it stated one, and previous_usd is that value minus the stated increase. Where the value shown for either year is a loaded one, the release's increase is not shown beside it: change_usd is computed from the values shown (origin computed) or NULL.
--- detail_tr  İki dönemde de 81 ilin hepsinin değeri varsa veri illeri dolar cinsinden mutlak değişime göre sıralar (eşit değerler aynı sırayı paylaşır; «Kaynak türü» hesaplandı). Yoksa liste bir bültenin o dönem için verdiği en büyük artışlar listesidir, bültenin sırası ve rakamlarıyla («Kaynak türü» yayımlandı, kaynak bülten): değerlerinden biri eksik bir ili veri sıralayamaz, bu yüzden veri eksik bir paneli hiçbir zaman sıralamaz.
--- detail_tr  Bir bültenin listesinde «Değer ($)», bülten il için bir değer verdiyse bültenin kendi değeridir; «Önceki değer ($)» bu değerden verilen artışın çıkarılmasıdır. İki yıldan birinde gösterilen değer yüklenmiş bir değerse bültenin artışı yanında gösterilmez: «Değişim ($)» gösterilen değerlerden hesaplanır («Kaynak türü» hesaplandı) ya da boştur.
--- returns  rank bigint, province text, code int, change_usd decimal, value_usd decimal, previous_usd decimal, change_pct double, origin text, source text, panel bigint
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    n       int 1..81 = 5                          how many provinces
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- empty    no ranking: fewer than 81 provinces have a value in both periods and no release listed the largest increases for this period
--- empty_tr  sıralama yok: iki dönemde de değeri olan il sayısı 81'den az ve bu dönem için hiçbir bülten en büyük artışları listelemedi
--- example  year=2025 month=10
-- The ranking is the increase_ranking macro (one period of the view increase_ranking_all, in
-- src/db/migrations/010_facts.sql), which the monthly report's facts (month_facts) use too.
SELECT rank, province, code, change_usd, value_usd, previous_usd, change_pct, origin, source, panel
FROM increase_ranking($year, $month, $period, $basis)
WHERE rank <= $n
ORDER BY rank, turkish_order(province)
