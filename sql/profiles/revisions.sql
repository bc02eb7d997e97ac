--- summary  Province-months where releases (or values derived from them) disagree beyond their rounding
--- summary_tr  Bültenlerin (ya da onlardan türetilen değerlerin) yuvarlamanın ötesinde ayrıştığı il-aylar
--- detail   For each province, month and basis with more than one statement or derived candidate in published_figures, the smallest and largest value and whether they differ by more than half the sum of their roundings (rounding is data: 4 milyar 859 milyon is 4,859 ± 0.5 million). The value in exports is the one precedence chose (design rule 1).
--- detail_tr  published_figures'ta birden çok ifadesi ya da türetilmiş adayı olan her il, ay ve esas için en küçük ve en büyük değer, ve bunların yuvarlamalarının toplamının yarısından fazla farklı olup olmadığı (yuvarlama veridir: 4 milyar 859 milyon, 4.859 ± 0,5 milyondur). İl toplamlarındaki değer, öncelik kuralının seçtiğidir (tasarım kuralı 1).
--- returns  province text, year int, month int, basis text, candidates bigint, low_usd decimal, high_usd decimal, difference_usd decimal, beyond_rounding_usd decimal, chosen_usd decimal, sources text
--- param    basis  one_of(activity, registered) = activity  province of activity or of registration
--- example  basis=activity
-- The releases' disagreements are kept (release_revisions_all in
-- src/db/migrations/020_release_facts.sql, refilled when the bundled releases change); the
-- value the database chose for each province-month depends on the loads, and is read beside them.
SELECT p.name AS province, r.year, r.month, r.basis, r.candidates, r.low_usd, r.high_usd, r.difference_usd,
       r.beyond_rounding_usd, e.value_usd AS chosen_usd, r.sources
FROM facts_release_revisions r
JOIN provinces p ON p.code = r.province_code
LEFT JOIN exports e ON e.province_code = r.province_code AND e.year = r.year AND e.month = r.month AND e.basis = r.basis
WHERE r.basis = $basis
ORDER BY r.year, r.month, turkish_order(p.name)
