--- summary  Exports of chosen provinces to chosen countries, one row a province and one column a country
--- summary_tr  Seçilen illerin seçilen ülkelere ihracatı
--- detail   A pivot of the rows by country over all products: one row a province, and in matrix a JSON object of its exports to each country, keyed by ISO code in the order given (json_extract(matrix, '$.DE') reads one). A cell is null where the data has no value (on partial detail, not a zero).
--- detail_tr  Tüm ürünler üzerinden ülkeye göre satırların çapraz tablosu: il başına bir satır, «Matris»te de ilin her ülkeye ihracatını tutan, verilen sırada ISO koduyla anahtarlanmış bir JSON nesnesi (json_extract(matrix, '$.DE') birini okur). Verinin değeri olmayan hücre null'dır (eksik ayrıntıda sıfır değil).
--- returns  province text, matrix text
--- param    provinces list(province)                         provinces, comma-separated, in any spelling
--- param    countries list(country)                          countries, comma-separated, by name or code
--- param    year      int 2000..2100                         the year
--- param    month     int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    period    one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis     one_of(activity, registered) = activity  province of activity or of registration
--- example  provinces=İstanbul,Kocaeli countries=DE,US year=2025 month=7
WITH wanted_provinces AS (SELECT unnest(from_json($provinces, '["INTEGER"]')) AS province_code),
wanted_countries AS (SELECT unnest(from_json($countries, '["VARCHAR"]')) AS code, generate_subscripts(from_json($countries, '["VARCHAR"]'), 1) AS position),
cells AS (SELECT * FROM detail_cells($year, $month, $period, $basis, 'country'))
SELECT p.name AS province,
       to_json(map_from_entries(list({'key': w.code, 'value': x.value_usd} ORDER BY w.position)))::VARCHAR AS matrix
FROM wanted_provinces wp
JOIN provinces p ON p.code = wp.province_code
CROSS JOIN wanted_countries w
LEFT JOIN cells x ON x.province_code = wp.province_code AND x.code = w.code
GROUP BY p.name
ORDER BY turkish_order(p.name)
