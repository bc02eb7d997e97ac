--- summary  What the database holds: provinces with data for each month and basis
--- summary_tr  Veritabanında ne var: her ay ve esas için verisi olan iller
--- detail   One row a month and basis present in exports or in detail: how many provinces have a value (81 makes the panel complete, which year-to-date and full-year sums across provinces need), and how many of those values were published in a release, derived from a release's stated change, or loaded from a file.
--- detail   ministry and regional split the published and derived values by the kind of release they came from: the Ministry of Trade's monthly release, or a regional or local one (exporters' associations, chambers, TÜİK's regional offices). province_coverage counts the provinces with any figure, year by year.
--- detail   detail_provinces counts the provinces with any detail rows (by product or country) that month, detail_rows the rows, and detail_complete the provinces whose loaded table is the whole of that month (`load --complete`); a month with detail alone has 0 provinces. detail_check compares detail with the totals.
--- detail_tr  İl toplamlarında ya da ayrıntıda bulunan her ay ve esas için bir satır: kaç ilin değeri olduğu (81 paneli tamamlar; iller üzerinden yılbaşından bu yana ve tam yıl toplamları bunu gerektirir), ve bu değerlerden kaçının bir bültende yayımlandığı, bir bültenin verdiği değişimden türetildiği ya da bir dosyadan yüklendiği.
--- detail_tr  «Bakanlık» ve «Bölgesel», yayımlanan ve türetilen değerleri geldikleri bülten türüne göre ayırır: Ticaret Bakanlığı'nın aylık bülteni, ya da bölgesel veya yerel bir bülten (ihracatçı birlikleri, odalar, TÜİK bölge müdürlükleri). province_coverage herhangi bir rakamı olan illeri yıl yıl sayar.
--- detail_tr  «Ayrıntısı olan il» o ay (ürüne ya da ülkeye göre) ayrıntı satırı olan illeri, «Ayrıntı satırı» satırları, «Ayrıntısı tam il» yüklenen tablosu o ayın tamamı olan illeri sayar (`load --complete`); yalnızca ayrıntısı olan bir ayda il sayısı 0'dır. detail_check ayrıntıyı toplamlarla karşılaştırır.
--- returns  year int, month int, basis text, provinces bigint, complete boolean, published bigint, derived bigint, loaded bigint, ministry bigint, regional bigint, total_usd decimal, detail_provinces bigint, detail_rows bigint, detail_complete bigint
--- param    basis  one_of(activity, registered, all) = all   one basis, or both
--- param    year   int 2000..2100 = null                     one year only
--- example  basis=activity
--- example  year=2025
WITH kinds AS (SELECT source_url, any_value(release_kind) AS release_kind FROM published_figures GROUP BY source_url),
totals AS (
    SELECT year, month, basis,
           count(*) AS provinces,
           count(*) FILTER (WHERE load_id IS NULL AND NOT derived) AS published,
           count(*) FILTER (WHERE load_id IS NULL AND derived) AS derived,
           count(*) FILTER (WHERE load_id IS NOT NULL) AS loaded,
           count(*) FILTER (WHERE load_id IS NULL AND k.release_kind = 'ministry') AS ministry,
           count(*) FILTER (WHERE load_id IS NULL AND k.release_kind = 'regional') AS regional,
           sum(value_usd) AS total_usd
    FROM exports e
    LEFT JOIN kinds k ON k.source_url = e.source
    WHERE ($basis = 'all' OR basis = $basis) AND ($year IS NULL OR year = $year)
    GROUP BY ALL
),
-- Each province's detail once a month and basis, then counted: two DISTINCT counts built a hash
-- table each.
details AS (
    SELECT year, month, basis,
           count(*) AS detail_provinces,
           sum(rows)::BIGINT AS detail_rows,
           count(*) FILTER (WHERE complete) AS detail_complete
    FROM (SELECT year, month, basis, province_code, count(*) AS rows, bool_or(complete_table) AS complete
          FROM detail
          WHERE ($basis = 'all' OR basis = $basis) AND ($year IS NULL OR year = $year)
          GROUP BY ALL)
    GROUP BY ALL
)
SELECT year, month, basis,
       coalesce(t.provinces, 0) AS provinces,
       coalesce(t.provinces, 0) = 81 AS complete,
       coalesce(t.published, 0) AS published,
       coalesce(t.derived, 0) AS derived,
       coalesce(t.loaded, 0) AS loaded,
       coalesce(t.ministry, 0) AS ministry,
       coalesce(t.regional, 0) AS regional,
       t.total_usd,
       coalesce(d.detail_provinces, 0) AS detail_provinces,
       coalesce(d.detail_rows, 0) AS detail_rows,
       coalesce(d.detail_complete, 0) AS detail_complete
FROM totals t
FULL JOIN details d USING (year, month, basis)
ORDER BY year, month, basis
