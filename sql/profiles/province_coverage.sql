--- summary  How many provinces have at least one figure, year by year and basis
--- summary_tr  Yıl yıl ve esasa göre en az bir rakamı olan il sayısı
--- chart    line value=provinces label=basis
--- detail   Counts the provinces with any value for the year (a month, a year-to-date or a full year) in the releases' statements, the unknown basis included, and in loaded files. ministry and regional count those a kind of release covers: the Ministry of Trade's monthly releases name only the leading provinces, the regional and local releases many of the others. Derived values are not counted.
--- detail_tr  Bültenlerin verdiği rakamlarda (bilinmeyen esas da dahil) ve yüklenen dosyalarda, yıl için herhangi bir değeri (bir ay, yılbaşından bu yana ya da tam yıl) olan illeri sayar. «Bakanlık» ve «Bölgesel» bir bülten türünün kapsadığı illeri sayar: Ticaret Bakanlığı'nın aylık bültenleri yalnızca öndeki illerin adını verir, bölgesel ve yerel bültenler ise öbürlerinin çoğunu. Türetilen değerler sayılmaz.
--- returns  year int, basis text, provinces bigint, ministry bigint, regional bigint, loaded bigint
--- param    basis  one_of(activity, registered, unknown, all) = all   one basis, or all three
--- example  basis=registered
--- example  basis=all
WITH figures AS (
    SELECT year, basis, province_code, release_kind AS kind
    FROM published_figures
    WHERE province_code IS NOT NULL AND metric = 'exports' AND NOT derived
    UNION ALL
    SELECT year, basis, province_code, 'loaded' FROM exports WHERE load_id IS NOT NULL
),
-- Each province once a year and basis, with the kinds of figure it has: counting the rows of
-- this is a plain count, where four DISTINCT counts built a hash table each.
present AS (
    SELECT year, basis, province_code,
           bool_or(kind = 'ministry') AS ministry, bool_or(kind = 'regional') AS regional, bool_or(kind = 'loaded') AS loaded
    FROM figures
    WHERE $basis = 'all' OR basis = $basis
    GROUP BY year, basis, province_code
)
SELECT year, basis,
       count(*) AS provinces,
       count(*) FILTER (WHERE ministry) AS ministry,
       count(*) FILTER (WHERE regional) AS regional,
       count(*) FILTER (WHERE loaded) AS loaded
FROM present
GROUP BY year, basis
ORDER BY year, basis
