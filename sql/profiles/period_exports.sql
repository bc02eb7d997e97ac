--- summary  Every province's exports in a period, each with where it comes from
--- summary_tr  İllerin dönem ihracatı ve her rakamın kaynağı
--- chart    map value=value_usd
--- detail   One row for each province with a value for the period: the sum of its months when all are present (ytd and year need every month), else for ytd and year the value a release stated. Never a partial sum.
--- detail   origin says where a value comes from (published, derived, loaded or mixed), precision_usd how finely it is known (0 for a loaded table's exact values), source the release's page or the loaded file. panel counts the provinces with a value.
--- detail   The map of top_provinces draws this: a ranking lists the provinces a release ranked, while its map colours every province with a value for the period.
--- detail_tr  Dönem için değeri olan her il için bir satır: ayların hepsi varsa aylarının toplamı (yılbaşından bu yana ve yıl için her ay gerekir), yoksa yılbaşından bu yana ve yıl için bir bültenin verdiği değer. Hiçbir zaman eksik bir toplam değil.
--- detail_tr  «Kaynak türü» bir değerin nereden geldiğini (yayımlandı, türetildi, yüklendi ya da karışık), «Yuvarlama ($)» ne kadar ince bilindiğini (yüklenen bir tablonun kesin değerleri için 0), «Kaynak» bültenin sayfasını ya da yüklenen dosyayı söyler. «Verisi olan il» değeri olan illeri sayar.
--- detail_tr  top_provinces'ın haritası bunu çizer: sıralama bir bültenin sıraladığı illeri listeler, haritası ise dönem için değeri olan her ili boyar.
--- returns  province text, code int, value_usd decimal, precision_usd decimal, origin text, source text, panel bigint
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity (Ministry of Trade) or of registration (TİM)
--- empty    no province has a value for the period on this basis
--- empty_tr  bu esasta dönem için hiçbir ilin değeri yok
--- example  year=2025 month=10
--- example  year=2025 month=10 period=ytd
SELECT p.name AS province, v.province_code AS code, v.value_usd, v.precision_usd, v.origin, v.source,
       count(*) OVER () AS panel
FROM province_values($year, $month, $period, $basis) v
JOIN provinces p ON p.code = v.province_code
ORDER BY v.value_usd DESC, v.province_code
