--- summary  Exports by NUTS-1 or NUTS-2 region (İBBS), with share and change
--- summary_tr  İBBS bölgelerine göre ihracat, pay ve değişimle
--- chart    bar value=value_usd label=region
--- detail   A region's value is the sum of its provinces only when every province of the region has a value for the period; otherwise value_usd is NULL (a partial sum is never passed as a region's total) and with_data_usd sums the provinces that have one, under a name that says so. provinces counts the provinces with a value and region_provinces how many the region has.
--- detail   Change sums the changes of the region's provinces, each as period_compare shows it (its release's own where the release stated one), only when every province of the region has one (else NULL). share_pct is of the denominator named in share_of (NULL when there is none). Figures derived from rounded ones are shown at the precision they have.
--- detail_tr  Bir bölgenin değeri, yalnızca bölgenin her ilinin dönem için değeri varsa illerinin toplamıdır; yoksa «Değer ($)» boştur (eksik bir toplam hiçbir zaman bölgenin toplamı diye verilmez) ve «Verisi olanların toplamı ($)», adının söylediği gibi, değeri olan illeri toplar. «İl sayısı» değeri olan illeri, «Bölgedeki il» bölgenin kaç ili olduğunu sayar.
--- detail_tr  Değişim, bölgenin illerinin değişimlerini toplar; her biri period_compare'in gösterdiği gibidir (bülten bir değişim verdiyse bültenin kendi değişimi), ve yalnızca bölgenin her ilinin bir değişimi varsa (yoksa boştur). «Pay (%)», «Payın paydası»nda adı geçen paydaya göredir (payda yoksa boştur). Yuvarlanmış rakamlardan türetilen rakamlar sahip oldukları duyarlıkla gösterilir.
--- returns  region_code text, region text, value_usd decimal, with_data_usd decimal, share_pct double, previous_usd decimal, change_usd decimal, change_pct double, provinces bigint, region_provinces bigint, share_of text
--- param    year    int 2000..2100                         the year
--- param    month   int 1..12                              the month; for ytd the last month of the period (ignored for year)
--- param    level   one_of(nuts1, nuts2) = nuts1           NUTS-1 (12 regions) or NUTS-2 (26 regions)
--- param    period  one_of(month, ytd, year) = month       that month, January to that month, or the calendar year
--- param    basis   one_of(activity, registered) = activity  province of activity or of registration
--- example  year=2025 month=10
--- example  year=2025 month=10 level=nuts2
WITH regions AS (
    SELECT code,
           CASE WHEN $level = 'nuts1' THEN nuts1_code ELSE nuts2_code END AS region_code,
           CASE WHEN $level = 'nuts1' THEN nuts1_name ELSE nuts2_name END AS region
    FROM provinces
),
c AS (FROM period_compare($year, $month, $period, $basis)),
d AS (FROM period_denominator($year, $month, $period, $basis)),
summed AS (
    SELECT r.region_code, r.region,
           sum(c.value_usd) AS value_usd,
           count(c.value_usd) AS provinces,
           count(*) AS region_provinces,
           -- A province counts for the change only where period_compare shows one (its release's,
           -- or computed from comparable values).
           count(*) FILTER (WHERE c.change_usd IS NOT NULL) AS both,
           sum(c.previous_usd) AS previous_usd,
           sum(c.change_usd) AS change_usd,
           sum(c.precision_usd) AS precision_usd,
           sum(c.previous_precision) AS previous_precision,
           sum(c.change_precision) AS change_precision
    FROM regions r LEFT JOIN c ON c.province_code = r.code
    GROUP BY ALL
),
-- The change's percent and its precision are columns before shown_pct rounds them: it repeats its
-- precision six times, and DuckDB plans every copy of an expression (a column costs nothing).
changed AS (
    SELECT s.*,
           CASE WHEN s.both = s.region_provinces AND s.previous_usd > 0 THEN 100 * s.change_usd / s.previous_usd END AS unrounded_pct,
           CASE WHEN s.both = s.region_provinces AND s.previous_usd > 0
                THEN 100 * (s.change_precision::DOUBLE / s.previous_usd::DOUBLE
                            + abs(s.change_usd::DOUBLE) * s.previous_precision::DOUBLE / pow(s.previous_usd::DOUBLE, 2)) END AS pct_precision
    FROM summed s
)
SELECT s.region_code, s.region,
       CASE WHEN s.provinces = s.region_provinces THEN s.value_usd END AS value_usd,
       s.value_usd AS with_data_usd,
       CASE WHEN s.provinces = s.region_provinces THEN share_pct(s.value_usd, s.precision_usd, d.total_usd, d.precision_usd) END AS share_pct,
       CASE WHEN s.both = s.region_provinces THEN s.previous_usd END AS previous_usd,
       CASE WHEN s.both = s.region_provinces THEN shown_usd(s.change_usd, s.change_precision) END AS change_usd,
       shown_pct(s.unrounded_pct, s.pct_precision) AS change_pct,
       s.provinces, s.region_provinces, d.share_of
FROM changed s, d
ORDER BY CASE WHEN s.provinces = s.region_provinces THEN s.value_usd END DESC NULLS LAST, s.value_usd DESC NULLS LAST, s.region_code
