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
-- The figures are the region_figures macro: one period of the view region_figures_all, in
-- src/db/migrations/019_kept_shares.sql, kept for every period with data as the ranking is
-- (`ihracat queries show region_totals` prints it).
SELECT region_code, region, value_usd, with_data_usd, share_pct, previous_usd, change_usd, change_pct,
       provinces, region_provinces, share_of
FROM region_figures($year, $month, $period, $basis, $level)
ORDER BY value_usd DESC NULLS LAST, with_data_usd DESC NULLS LAST, region_code
