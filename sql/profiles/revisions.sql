--- summary  Province-months where releases (or values derived from them) disagree beyond their rounding
--- summary_tr  Bültenlerin (ya da onlardan türetilen değerlerin) yuvarlamanın ötesinde ayrıştığı il-aylar
--- detail   For each province, month and basis with more than one statement or derived candidate in published_figures, the smallest and largest value and whether they differ by more than half the sum of their roundings (rounding is data: 4 milyar 859 milyon is 4,859 ± 0.5 million). The value in exports is the one precedence chose (design rule 1).
--- detail_tr  published_figures'ta birden çok ifadesi ya da türetilmiş adayı olan her il, ay ve esas için en küçük ve en büyük değer, ve bunların yuvarlamalarının toplamının yarısından fazla farklı olup olmadığı (yuvarlama veridir: 4 milyar 859 milyon, 4.859 ± 0,5 milyondur). İl toplamlarındaki değer, öncelik kuralının seçtiğidir (tasarım kuralı 1).
--- returns  province text, year int, month int, basis text, candidates bigint, low_usd decimal, high_usd decimal, difference_usd decimal, beyond_rounding_usd decimal, chosen_usd decimal, sources text
--- param    basis  one_of(activity, registered) = activity  province of activity or of registration
--- example  basis=activity
WITH candidates AS (
    SELECT * FROM published_figures
    WHERE metric = 'exports' AND period = 'month' AND basis = $basis AND province_code IS NOT NULL
),
pairs AS (
    SELECT a.province_code, a.year, a.month,
           -- In whole dollars, as every figure here is printed: half the sum of two roundings can
           -- end in half a dollar (Bursa January 2023: 530 million less 51,824,078.5), a digit
           -- no release printed; the floor keeps "at least this far apart" true.
           floor(max(abs(a.value - b.value) - (a.precision + b.precision) / 2))::DECIMAL(18, 2) AS excess
    FROM candidates a JOIN candidates b USING (province_code, year, month)
    GROUP BY ALL
)
SELECT p.name AS province, c.year, c.month, c.basis,
       count(*) AS candidates,
       min(c.value) AS low_usd, max(c.value) AS high_usd,
       max(c.value) - min(c.value) AS difference_usd,
       any_value(pairs.excess) AS beyond_rounding_usd,
       any_value(e.value_usd) AS chosen_usd,
       -- The distinct sources in byte order, as a list: a DISTINCT string_agg kept a hash table
       -- for each group.
       array_to_string(list_sort(list_distinct(list(CASE WHEN c.derived THEN 'derived: ' || c.derived_from || ' ' ELSE '' END || c.source_url))), ' | ') AS sources
FROM candidates c
JOIN pairs USING (province_code, year, month)
JOIN provinces p ON p.code = c.province_code
LEFT JOIN exports e ON e.province_code = c.province_code AND e.year = c.year AND e.month = c.month AND e.basis = c.basis
WHERE pairs.excess > 0
GROUP BY p.name, c.year, c.month, c.basis
ORDER BY c.year, c.month, turkish_order(p.name)
