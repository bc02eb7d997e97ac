--- summary  The Ministry's table: a province a row, a month a column, with the year to date and a TOPLAM row
--- summary_tr  İllere ve aylara göre ihracat tablosu
--- detail   The wide table people exchange: the 81 provinces in plate-code order, then `TOPLAM` (TOTAL); a column for each month from January to the last month of the year with data for the basis (or to `through`), then the year to date (`OCAK-EKİM 2025`; none when the table stops at January).
--- detail   A cell is empty where the data has no value, never zero. The year-to-date cell is the sum of the province's months only when it has all of them; the `TOPLAM` cell is the sum of the provinces only when all 81 have a value. So on the bundled data, which has a few provinces a month, most cells and every total are empty: the published year-to-date and national figures are in top_provinces (period=ytd) and national_summary, with their sources.
--- detail   Headings are Turkish (`İL`, `OCAK 2025`, `OCAK-EKİM 2025`, `TOPLAM`) or English (`Province`, `Jan 2025`, `Jan-Oct 2025`, `TOTAL`). Written to CSV or Excel, the table loads back with `ihracat load FILE --basis …` as it is; the result streams long from SQL (one row a cell) and the catalog turns it wide (`--- pivot`).
--- detail_tr  İnsanların birbirine gönderdiği geniş tablo: plaka sırasıyla 81 il, ardından TOPLAM; Ocak'tan, esas için verisi olan yılın son ayına (ya da «bitiş ayı»na) kadar her ay için bir sütun, ardından yılbaşından bu yana (OCAK-EKİM 2025; tablo Ocak'ta bitiyorsa yoktur).
--- detail_tr  Verinin değeri olmayan hücre boştur, hiçbir zaman sıfır değildir. Yılbaşından bu yana hücresi, ancak il bütün aylarına sahipse aylarının toplamıdır; TOPLAM hücresi ancak 81 ilin hepsinin değeri varsa illerin toplamıdır. Bu yüzden her ay birkaç il içeren paketteki veride hücrelerin çoğu ve bütün toplamlar boştur: yayımlanan yılbaşından bu yana ve ulusal rakamlar, kaynaklarıyla, top_provinces (dönem: yılbaşından bu yana) ve national_summary'dedir.
--- detail_tr  Başlıklar Türkçe (İL, OCAK 2025, OCAK-EKİM 2025, TOPLAM) ya da İngilizcedir. CSV ya da Excel olarak yazılan tablo, olduğu gibi `ihracat load DOSYA --basis …` ile geri yüklenir; sonuç SQL'den uzun biçimde (hücre başına bir satır) akar ve katalog onu genişletir (`--- pivot`).
--- returns  corner text, province text, heading text, value_usd decimal
--- param    year     int 2000..2100                         the year
--- param    basis    one_of(activity, registered) = activity  province of activity (Ministry of Trade) or of registration (TİM)
--- param    through  int 1..12 = null                       the last month shown (default: the year's last month with data for the basis)
--- param    headings one_of(tr, en) = tr                    the language of the headings (`İL`, `OCAK 2025`, `TOPLAM` or `Province`, `Jan 2025`, `TOTAL`)
--- pivot    column=heading value=value_usd row_heading=corner
--- empty    the data has no value for any province in that year on that basis
--- empty_tr  verinin o yıl o esasta hiçbir il için değeri yok
--- example  year=2025
--- example  year=2025 basis=registered through=6 headings=en
WITH last AS (
    SELECT coalesce($through, (SELECT max(month) FROM exports WHERE year = $year AND basis = $basis)) AS month
),
columns AS (
    SELECT m.month AS first_month, m.month AS last_month, m.month AS position,
           CASE WHEN $headings = 'en' THEN m.short_en ELSE m.upper_tr END || ' ' || $year::VARCHAR AS heading
    FROM months m JOIN last ON m.month <= last.month
    UNION ALL
    SELECT 1, last.month, 13,
           CASE WHEN $headings = 'en' THEN 'Jan-' || m.short_en ELSE 'OCAK-' || m.upper_tr END || ' ' || $year::VARCHAR
    FROM last JOIN months m ON m.month = last.month
    WHERE last.month > 1
),
cells AS (
    SELECT p.code, c.position, c.heading,
           -- A period's cell only when the province has every month of it: a partial sum is not a total.
           CASE WHEN count(x.value_usd) = c.last_month - c.first_month + 1 THEN sum(x.value_usd) END AS value_usd
    FROM provinces p
    CROSS JOIN columns c
    LEFT JOIN exports x ON x.province_code = p.code AND x.year = $year AND x.basis = $basis
                       AND x.month BETWEEN c.first_month AND c.last_month
    GROUP BY p.code, c.position, c.heading, c.first_month, c.last_month
),
totals AS (
    SELECT 100 AS code, position, heading,
           CASE WHEN count(value_usd) = 81 THEN sum(value_usd) END AS value_usd
    FROM cells
    GROUP BY position, heading
)
SELECT CASE WHEN $headings = 'en' THEN 'Province' ELSE 'İL' END AS corner,
       coalesce(p.name, CASE WHEN $headings = 'en' THEN 'TOTAL' ELSE 'TOPLAM' END) AS province,
       t.heading,
       t.value_usd
FROM (FROM cells UNION ALL FROM totals) t
LEFT JOIN provinces p ON p.code = t.code
ORDER BY t.code, t.position
