--- summary  What the releases stated for a period, as published, with their sources
--- summary_tr  Bültenlerin bir dönem için yayımladıkları, kaynaklarıyla
--- detail   Every statement in published_figures for the period and basis (province values, ranks, increases and percent changes, and the national figures), stated ones first; derived values are shown with how they were derived. note flags statements known to be doubtful, as the release copies wrote it (in English); note_tr is the same note in Turkish.
--- detail_tr  Dönem ve esas için published_figures'taki her ifade (il değerleri, sıralar, artışlar ve yüzde değişimler, ulusal rakamlar), önce verilenler; türetilen değerler nasıl türetildikleriyle gösterilir. «Not» kuşkulu olduğu bilinen ifadeleri işaretler; «Not (İngilizce)» aynı notun bülten kopyalarındaki İngilizce aslıdır.
--- returns  metric text, rank int, province text, value decimal, unit text, precision decimal, derived boolean, derived_from text, release text, source_url text, note text, note_tr text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month (12 for a year)
--- param    period  one_of(month, ytd, year) = month       the period the statement is about
--- param    basis   one_of(activity, registered, unknown) = activity  the basis the release gave
--- example  year=2025 month=10
--- example  year=2025 month=10 period=ytd
SELECT f.metric, f.rank, p.name AS province, f.value, f.unit, f.precision, f.derived, f.derived_from,
       format('{}-{}', f.release_year, lpad(f.release_month::VARCHAR, 2, '0')) AS release,
       f.source_url, f.note, f.note_tr
FROM published_figures f LEFT JOIN provinces p ON p.code = f.province_code
WHERE f.year = $year AND f.month = $month AND f.period = $period AND f.basis = $basis
ORDER BY f.derived, f.province_code IS NOT NULL, f.metric, f.rank NULLS LAST, f.value DESC
