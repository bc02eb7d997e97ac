--- summary  Provinces ranked by exports in a month, year-to-date or year
--- summary_tr  İhracatta illerin sıralaması
--- chart    bar value=value_usd label=province map=period_exports
--- detail   A province's value for the period is the sum of its months when all are present (ytd and year need every month), else for ytd and year the value a release stated (origin says which).
--- detail   Ranks: when all 81 provinces have a value the data ranks them (ties share a rank: 1, 2, 2, 4); otherwise the ranks are the ones a release gave beside the value shown, or beside a loaded value within its rounding (rank_origin published), and a province a release did not rank is not listed. So on the bundled data this is the release's own top list.
--- detail   share_pct is of the sum of all 81 provinces when the panel is complete, else of Turkey's published national total for the period (or one derived from published year-to-date totals); with neither it is NULL. share_of names the denominator (or why there is none) and panel counts the provinces with a value.
--- detail   The change is the one the period's own release stated (change_origin published), also where a later page printed the value again differently (the value shown is then the later one), beside the previous value that release implies (its value minus its increase, or divided by 1 + its percent change), whatever an earlier release first printed for that month (revisions shows both). A change is computed only where both values are loaded or both come from releases that state none (change_origin computed); beside a loaded value a release's figures are not compared. A change the data doubts (a misprint the release copies note) is withheld, change_origin doubtful. Figures derived from rounded ones are shown at the precision they have (to the million for a previous value implied by a percent).
--- detail_tr  Bir ilin dönem değeri, ayların hepsi varsa aylarının toplamıdır (yılbaşından bu yana ve yıl için her ay gerekir); yoksa yılbaşından bu yana ve yıl için bir bültenin verdiği değerdir («Kaynak türü» hangisi olduğunu söyler).
--- detail_tr  Sıralar: 81 ilin hepsinin değeri varsa sıralamayı veri yapar (eşit değerler aynı sırayı paylaşır: 1, 2, 2, 4); yoksa sıralar bir bültenin gösterilen değerin, ya da yuvarlaması içinde ona eşit yüklenmiş bir değerin yanında verdiği sıralardır («Sıranın kaynağı» yayımlandı), ve bir bültenin sıralamadığı il listelenmez. Paketteki veride bu, bültenin kendi ilk sıralar listesidir.
--- detail_tr  «Pay (%)», panel tamsa 81 ilin toplamına, değilse Türkiye'nin dönem için yayımlanan ulusal toplamına (ya da yayımlanan yılbaşından bu yana toplamlardan türetilene) göredir; ikisi de yoksa boştur. «Payın paydası» paydayı (ya da neden olmadığını) söyler, «Verisi olan il» değeri olan illeri sayar.
--- detail_tr  Değişim, dönemin kendi bülteninin verdiği değişimdir («Değişimin kaynağı» yayımlandı; sonraki bir sayfa değeri farklı yazdıysa gösterilen değer o sonrakidir); yanında o bültenin ima ettiği önceki değer durur (değerden artışın çıkarılmasıyla ya da 1 + yüzde değişime bölünmesiyle bulunur), o ay için daha önceki bir bülten ilk olarak ne yazmış olursa olsun (revisions ikisini de gösterir). Değişim yalnızca iki değer de yüklenmişse ya da ikisi de değişim vermeyen bültenlerden geliyorsa hesaplanır («Değişimin kaynağı» hesaplandı); yüklenen bir değerin yanında bültenin rakamları karşılaştırılmaz. Verinin kuşkulu bulduğu bir değişim (bülten kopyalarının notunda yazan bir baskı hatası) gösterilmez, «Değişimin kaynağı» kuşkulu olur. Yuvarlanmış rakamlardan türetilen rakamlar sahip oldukları duyarlıkla gösterilir (yüzdeden bulunan önceki değer milyona yuvarlanır).
--- returns  rank bigint, province text, code int, value_usd decimal, share_pct double, change_usd decimal, change_pct double, previous_usd decimal, change_origin text, rank_origin text, panel bigint, share_of text, origin text, source text, previous_source text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    n       int 1..81 = 10                         how many provinces
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity (Ministry of Trade) or of registration (TİM)
--- empty    no province has a rank: fewer than 81 provinces have a value for the period and no release ranked the values shown
--- empty_tr  sırası olan il yok: dönem için 81'den az ilin değeri var ve gösterilen değerleri hiçbir bülten sıralamadı
--- example  year=2025 month=10 n=5
--- example  year=2024 month=12 period=year
-- The ranking is the province_ranking macro (one period of the view province_ranking_all, in
-- src/db/migrations/010_facts.sql), which the monthly report's facts (month_facts) use too.
SELECT rank, province, code, value_usd, share_pct, change_usd, change_pct, previous_usd, change_origin,
       rank_origin, panel, share_of, origin, source, previous_source
FROM province_ranking($year, $month, $period, $basis)
WHERE rank <= $n
ORDER BY rank, turkish_order(province)
