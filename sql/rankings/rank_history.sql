--- summary  One province's rank and value over a range of years or months
--- summary_tr  Bir ilin yıllar ya da aylar içindeki sırası ve değeri
--- chart    line value=rank
--- detail   With period=month, every month of the years from_year to to_year; with ytd or year, one row a year (ytd ends at month). A period where the province has no value is left out.
--- detail   rank is the data's own when all 81 provinces have a value for the period, else the rank a release gave beside the value shown (or beside a loaded value within its rounding), else NULL (rank_origin says which): a rank among the provinces with data is never shown. panel counts the provinces with a value.
--- detail_tr  Dönem «ay» iken başlangıç yılından bitiş yılına her ay; yılbaşından bu yana ya da yıl iken yılda bir satır (yılbaşından bu yana dönem seçilen ayda biter). İlin değeri olmayan dönem gösterilmez.
--- detail_tr  Sıra, dönem için 81 ilin hepsinin değeri varsa verinin kendi sırasıdır; yoksa gösterilen değerin (ya da yuvarlaması içinde ona eşit yüklenmiş bir değerin) yanında bir bültenin verdiği sıra, o da yoksa boştur («Sıranın kaynağı» hangisi olduğunu söyler): yalnızca verisi olan iller arasındaki bir sıra hiçbir zaman gösterilmez. «Verisi olan il» dönem için değeri olan illeri sayar.
--- returns  year int, month int, rank bigint, rank_origin text, value_usd decimal, panel bigint, origin text
--- param    province   province                               a name in any spelling, or a plate code
--- param    from_year  int 2000..2100                         the first year
--- param    to_year    int 2000..2100                         the last year
--- param    month      int 1..12 = 12                         for ytd, the last month of each period
--- param    period     one_of(month, ytd, year) = month       months, year-to-date, or calendar years
--- param    basis      one_of(activity, registered) = activity  province of activity or of registration
--- check    from_year <= to_year
--- example  province=Kocaeli from_year=2024 to_year=2025
--- example  province=İstanbul from_year=2023 to_year=2025 period=year
-- The ranks are province_ranks' (src/db/migrations/010_facts.sql); province_ranks_span reads every
-- period from from_year to to_year at once (src/db/migrations/013_spans.sql).
SELECT year, month, rank, rank_origin, value_usd, panel, origin
FROM province_ranks_span($from_year, $to_year, $month, $period, $basis)
WHERE province_code = $province
ORDER BY year, month
