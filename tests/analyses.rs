//! The shipped analyses on hand-built panels, with every expected result worked out by hand
//! in the comments (issue 6; the rules of issue 15: ranks, counts and shares only where the
//! panel allows them). Values are in million USD in the fixture and the comments.
//!
//! The panel (activity basis), 2024-01 to 2026-01:
//!   İstanbul  2024: 100 a month   2025: 110 a month               2026-01: 120
//!   Kocaeli   2024:  50           2025:  61                       2026-01:  55
//!   İzmir     2024:  60           2025:  60, but October 40       2026-01:  60
//!   Bursa     2024:  40           2025:  60, June missing         2026-01:  70
//!   Çorum     2024:   0 (zero)    2025:   5                       2026-01:   5
//!   Yalova    2024:   8           2025:  10                       2026-01: missing
//!   the other 75 provinces: 2 a month throughout (the complete fixture only)
//!
//! So every month is complete (81 provinces) but June 2025 and January 2026 (80 each), and any
//! 2025 year-to-date or full-year period is not (Bursa has no June). The incomplete fixture has
//! the six provinces alone.

mod common;

use common::{Workdir, column};

const OTHERS: i64 = 2;

fn fixture_with(others: bool) -> Workdir {
    let w = Workdir::new();
    w.run(&["provinces"]);
    let mut rows = Vec::new();
    let mut add = |code: i32, year: i32, month: i32, musd: i64| {
        rows.push(format!("({code}, {year}, {month}, 'activity', {musd}000000, 0, 'fixture.csv', false, 1, now()::TIMESTAMP)"))
    };
    for month in 1..=12 {
        add(34, 2024, month, 100);
        add(34, 2025, month, 110);
        add(41, 2024, month, 50);
        add(41, 2025, month, 61);
        add(35, 2024, month, 60);
        add(35, 2025, month, if month == 10 { 40 } else { 60 });
        add(16, 2024, month, 40);
        if month != 6 {
            add(16, 2025, month, 60);
        }
        add(19, 2024, month, 0);
        add(19, 2025, month, 5);
        add(77, 2024, month, 8);
        add(77, 2025, month, 10);
    }
    for (code, musd) in [(34, 120), (41, 55), (35, 60), (16, 70), (19, 5)] {
        add(code, 2026, 1, musd);
    }
    if others {
        for code in (1..=81).filter(|c| ![34, 41, 35, 16, 19, 77].contains(c)) {
            for year in [2024, 2025] {
                for month in 1..=12 {
                    add(code, year, month, OTHERS);
                }
            }
            add(code, 2026, 1, OTHERS);
        }
    }
    w.with_database(|conn| {
        conn.execute_batch(&format!(
            "DELETE FROM exports; DELETE FROM published_figures; INSERT INTO exports VALUES {};",
            rows.join(", ")
        ))
        .unwrap()
    });
    w
}

fn fixture() -> Workdir {
    fixture_with(true)
}

fn num(text: &str) -> Option<f64> {
    if text.is_empty() { None } else { Some(text.parse().unwrap_or_else(|_| panic!("not a number: {text}"))) }
}

fn nums(rows: &[Vec<String>], name: &str) -> Vec<Option<f64>> {
    column(rows, name).iter().map(|t| num(t)).collect()
}

fn musd(values: &[Option<f64>]) -> Vec<Option<f64>> {
    values.iter().map(|v| v.map(|x| x / 1e6)).collect()
}

fn run(w: &Workdir, args: &[&str]) -> Vec<Vec<String>> {
    let mut all = vec!["run"];
    all.extend_from_slice(args);
    w.csv(&all)
}

#[test]
fn top_provinces_in_a_month() {
    let w = fixture();
    let rows = run(&w, &["top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=6"]);
    assert_eq!(column(&rows, "province"), ["İstanbul", "Kocaeli", "Bursa", "İzmir", "Yalova", "Çorum"]);
    assert_eq!(column(&rows, "rank"), ["1", "2", "3", "4", "5", "6"]);
    assert_eq!(column(&rows, "rank_origin")[0], "computed");
    assert_eq!(musd(&nums(&rows, "value_usd")), [Some(110.0), Some(61.0), Some(60.0), Some(40.0), Some(10.0), Some(5.0)]);
    // Shares of 436, the sum of all 81 provinces (286 of the six and 75 × 2).
    assert_eq!(nums(&rows, "share_pct"), [Some(25.23), Some(13.99), Some(13.76), Some(9.17), Some(2.29), Some(1.15)]);
    assert_eq!(column(&rows, "share_of")[0], "sum of all 81 provinces");
    assert_eq!(column(&rows, "panel")[0], "81");
    // Against October 2024: 100, 50, 40, 60, 8, 0.
    assert_eq!(musd(&nums(&rows, "change_usd")), [Some(10.0), Some(11.0), Some(20.0), Some(-20.0), Some(2.0), Some(5.0)]);
    assert_eq!(nums(&rows, "change_pct"), [Some(10.0), Some(22.0), Some(50.0), Some(-33.33), Some(25.0), None]);
    let top2 = run(&w, &["top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=2"]);
    assert_eq!(column(&top2, "province"), ["İstanbul", "Kocaeli"]);
}

#[test]
fn ties_share_a_rank() {
    let w = fixture();
    // September 2025: İstanbul 110, Kocaeli 61, Bursa 60 and İzmir 60, Yalova 10, Çorum 5, 75 × 2.
    let rows = run(&w, &["top_provinces", "-p", "year=2025", "-p", "month=9", "-p", "n=6"]);
    assert_eq!(column(&rows, "province"), ["İstanbul", "Kocaeli", "Bursa", "İzmir", "Yalova", "Çorum"]);
    assert_eq!(column(&rows, "rank"), ["1", "2", "3", "3", "5", "6"]);
    // The 75 provinces at 2 share the smallest rank; Çorum comes after all of them.
    let bottom = run(&w, &["bottom_provinces", "-p", "year=2025", "-p", "month=9", "-p", "n=3"]);
    assert_eq!(bottom.len() - 1, 75);
    assert!(column(&bottom, "rank").iter().all(|r| r == "1"));
    let bottom = run(&w, &["bottom_provinces", "-p", "year=2025", "-p", "month=9", "-p", "n=76"]);
    assert_eq!(column(&bottom, "province")[75], "Çorum");
    assert_eq!(column(&bottom, "rank")[75], "76");
}

#[test]
fn year_to_date_without_every_province_has_values_but_no_ranks_or_shares() {
    let w = fixture();
    // January-October 2025: Bursa has no June, so 80 provinces have a value and none can be
    // ranked (no release ranked them), nor a share taken (no national total was published).
    let output = w.run(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "period=ytd", "--format", "csv"]);
    assert_eq!(common::parse_csv(&common::text(&output.stdout)).len(), 1);
    assert!(common::text(&output.stderr).contains("no rows: no province has a rank"), "{}", common::text(&output.stderr));
    // İstanbul 1100, Kocaeli 610, İzmir 9 × 60 + 40 = 580, Yalova 100, Çorum 50, the others 20.
    let rows = run(&w, &["share_of_total", "-p", "year=2025", "-p", "month=10", "-p", "period=ytd"]);
    assert_eq!(rows.len() - 1, 80);
    assert_eq!(column(&rows, "province")[..5], ["İstanbul", "Kocaeli", "İzmir", "Yalova", "Çorum"]);
    assert_eq!(musd(&nums(&rows, "value_usd"))[..5], [Some(1100.0), Some(610.0), Some(580.0), Some(100.0), Some(50.0)]);
    assert!(column(&rows, "rank").iter().all(String::is_empty));
    assert!(column(&rows, "share_pct").iter().all(String::is_empty));
    assert_eq!(column(&rows, "share_of")[0], "none: 80 of 81 provinces have a value and no national total was published");
    assert_eq!(column(&rows, "origin")[0], "loaded");
}

#[test]
fn growth_against_a_year_earlier() {
    let w = fixture();
    let rows = run(&w, &["yoy_growth", "-p", "year=2025", "-p", "month=10"]);
    assert_eq!(column(&rows, "province")[..6], ["İstanbul", "Kocaeli", "Bursa", "İzmir", "Yalova", "Çorum"]);
    assert_eq!(musd(&nums(&rows, "previous_usd"))[..6], [Some(100.0), Some(50.0), Some(40.0), Some(60.0), Some(8.0), Some(0.0)]);
    assert_eq!(nums(&rows, "change_pct")[..6], [Some(10.0), Some(22.0), Some(50.0), Some(-33.33), Some(25.0), None]);

    // Rises ranked by USD: Bursa 20, Kocaeli 11, İstanbul 10, Çorum 5 (from zero), Yalova 2.
    let up = run(&w, &["top_increases", "-p", "year=2025", "-p", "month=10"]);
    assert_eq!(column(&up, "province"), ["Bursa", "Kocaeli", "İstanbul", "Çorum", "Yalova"]);
    assert_eq!(musd(&nums(&up, "change_usd")), [Some(20.0), Some(11.0), Some(10.0), Some(5.0), Some(2.0)]);
    assert_eq!(column(&up, "panel"), ["81", "81", "81", "81", "81"]);
    assert_eq!(column(&up, "origin"), ["computed", "computed", "computed", "computed", "computed"]);

    let down = run(&w, &["top_decreases", "-p", "year=2025", "-p", "month=10"]);
    assert_eq!(column(&down, "province"), ["İzmir"]);
    assert_eq!(musd(&nums(&down, "change_usd")), [Some(-20.0)]);

    // Percent change with a 10 million floor on the base: Yalova (8), Çorum (0) and the others
    // (2) are out.
    let fast = run(&w, &["fastest_growing", "-p", "year=2025", "-p", "month=10"]);
    assert_eq!(column(&fast, "province"), ["Bursa", "Kocaeli", "İstanbul", "İzmir"]);
    assert_eq!(nums(&fast, "change_pct"), [Some(50.0), Some(22.0), Some(10.0), Some(-33.33)]);
    let floor = run(&w, &["fastest_growing", "-p", "year=2025", "-p", "month=10", "-p", "min_value=55000000"]);
    assert_eq!(column(&floor, "province"), ["İstanbul", "İzmir"]);

    // June 2025 has 80 provinces: no ranking of changes at all.
    for query in ["top_increases", "top_decreases", "fastest_growing"] {
        assert_eq!(run(&w, &[query, "-p", "year=2025", "-p", "month=6"]).len(), 1, "{query}");
    }
}

#[test]
fn month_on_month_crosses_the_year() {
    let w = fixture();
    // January 2026 against December 2025; Yalova has no January.
    let rows = run(&w, &["mom_change", "-p", "year=2026", "-p", "month=1"]);
    assert_eq!(column(&rows, "province")[..5], ["İstanbul", "Bursa", "İzmir", "Kocaeli", "Çorum"]);
    assert_eq!(musd(&nums(&rows, "change_usd"))[..5], [Some(10.0), Some(10.0), Some(0.0), Some(-6.0), Some(0.0)]);
    assert_eq!(nums(&rows, "change_pct")[..5], [Some(9.09), Some(16.67), Some(0.0), Some(-9.84), Some(0.0)]);
    assert_eq!(column(&rows, "province").last().unwrap(), "Yalova");
    assert_eq!(column(&rows, "change_usd").last().unwrap(), "");
}

#[test]
fn compound_growth_needs_two_full_years() {
    let w = fixture();
    // Yalova 96 → 120, Kocaeli 600 → 732, İstanbul 1200 → 1320, the others 24 → 24, İzmir 720 →
    // 700; Bursa's 2025 is incomplete and Çorum starts at zero.
    let rows = run(&w, &["cagr", "-p", "from_year=2024", "-p", "to_year=2025"]);
    assert_eq!(column(&rows, "province")[..3], ["Yalova", "Kocaeli", "İstanbul"]);
    assert_eq!(nums(&rows, "cagr_pct")[..3], [Some(25.0), Some(22.0), Some(10.0)]);
    assert_eq!(column(&rows, "province")[78], "İzmir");
    assert_eq!(nums(&rows, "cagr_pct")[78], Some(-2.78));
    assert_eq!(column(&rows, "province")[79..], ["Bursa", "Çorum"]);
    assert_eq!(nums(&rows, "cagr_pct")[79..], [None, None]);
}

#[test]
fn thresholds_and_brackets() {
    let w = fixture();
    // A month (complete): İstanbul 110, Kocaeli 61 and Bursa 60 reach 50 million.
    let over = run(&w, &["over_threshold", "-p", "year=2025", "-p", "month=10", "-p", "period=month", "-p", "threshold=50000000"]);
    assert_eq!(column(&over, "provinces"), ["3"]);
    assert_eq!(column(&over, "origin"), ["computed"]);
    assert_eq!(column(&over, "names"), ["İstanbul, Kocaeli, Bursa"]);
    // January-October (80 provinces): the count is not known; the provinces known to reach 500
    // million are İstanbul 1100, Kocaeli 610 and İzmir 580.
    let over = run(&w, &["over_threshold", "-p", "year=2025", "-p", "month=10", "-p", "threshold=500000000"]);
    assert_eq!(column(&over, "provinces"), [""]);
    assert_eq!(column(&over, "names"), ["İstanbul, Kocaeli, İzmir"]);
    assert_eq!(column(&over, "complete"), ["false"]);
    assert_eq!(column(&over, "panel"), ["80"]);
    assert!(column(&over, "missing")[0].starts_with("80 of 81 provinces have a value for the period and no release stated the count"), "{over:?}");

    // October 2025 in USD: 110M, 61M, 60M, 40M, 10M, 5M and 75 × 2M.
    let bands = run(&w, &["threshold_brackets", "-p", "year=2025", "-p", "month=10", "-p", "period=month"]);
    assert_eq!(column(&bands, "provinces"), ["0", "0", "1", "4", "76"]);
    assert_eq!(column(&bands, "unknown")[0], "0");
    assert_eq!(column(&bands, "band"), ["at least 1000000000", "500000000 to 1000000000", "100000000 to 500000000", "10000000 to 100000000", "below 10000000"]);
    let custom = run(&w, &["threshold_brackets", "-p", "year=2025", "-p", "month=10", "-p", "period=month", "-p", "bands=60000000"]);
    assert_eq!(column(&custom, "provinces"), ["3", "78"]);
    // Year-to-date (80 provinces): no band's count is known.
    let ytd = run(&w, &["threshold_brackets", "-p", "year=2025", "-p", "month=10"]);
    assert!(column(&ytd, "provinces").iter().all(String::is_empty), "{ytd:?}");
    assert_eq!(column(&ytd, "unknown")[0], "1");

    // October: Bursa, Kocaeli, İstanbul, Çorum and Yalova rose, of 81 compared.
    let inc = run(&w, &["provinces_increased", "-p", "year=2025", "-p", "month=10", "-p", "period=month"]);
    assert_eq!(column(&inc, "provinces"), ["5"]);
    assert_eq!(column(&inc, "origin"), ["computed"]);
    assert_eq!(column(&inc, "names"), ["Bursa, Kocaeli, İstanbul, Çorum, Yalova"]);
    // January-October: Bursa lacks a value, so the count is not known; of the 80 compared,
    // Kocaeli +110, İstanbul +100, Çorum +50 and Yalova +20 rose.
    let inc = run(&w, &["provinces_increased", "-p", "year=2025", "-p", "month=10"]);
    assert_eq!(column(&inc, "provinces"), [""]);
    assert_eq!(column(&inc, "compared"), ["80"]);
    assert_eq!(column(&inc, "complete"), ["false"]);
    assert_eq!(column(&inc, "names"), ["Kocaeli, İstanbul, Çorum, Yalova"]);

    // Full years over 700 million: 2024 İstanbul 1200 and İzmir 720 (complete); 2025 is not
    // complete, though İstanbul 1320, Kocaeli 732 and İzmir 700 are known to reach it.
    let history = run(&w, &["threshold_history", "-p", "from_year=2024", "-p", "to_year=2025", "-p", "threshold=700000000"]);
    assert_eq!(column(&history, "provinces"), ["2", ""]);
    assert_eq!(column(&history, "with_data"), ["2", "3"]);
    assert_eq!(column(&history, "panel"), ["81", "80"]);
}

#[test]
fn shares_concentration_and_regions() {
    let w = fixture();
    let shares = run(&w, &["share_of_total", "-p", "year=2025", "-p", "month=10"]);
    // 110, 171, 231, 271, 281, 286, then 288 of 436.
    assert_eq!(nums(&shares, "cumulative_pct")[..7], [Some(25.23), Some(39.22), Some(52.98), Some(62.16), Some(64.45), Some(65.6), Some(66.06)]);
    assert_eq!(nums(&shares, "cumulative_pct")[80], Some(100.0));
    let one = run(&w, &["share_of_total", "-p", "year=2025", "-p", "month=10", "-p", "province=izmir"]);
    assert_eq!(column(&one, "province"), ["İzmir"]);
    assert_eq!(nums(&one, "share_pct"), [Some(9.17)]);

    // Top 10: the six and four of the others, 294 of 436. HHI: (110² + 61² + 60² + 40² + 10² +
    // 5² + 75 × 2²) / 436² × 10,000.
    let c = run(&w, &["concentration", "-p", "year=2025", "-p", "month=10"]);
    assert_eq!(nums(&c, "top1_pct"), [Some(25.23)]);
    assert_eq!(nums(&c, "top5_pct"), [Some(64.45)]);
    assert_eq!(nums(&c, "top10_pct"), [Some(67.43)]);
    assert_eq!(nums(&c, "hhi"), [Some(1128.2)]);
    assert_eq!(column(&c, "complete"), ["true"]);

    // NUTS-1: Doğu Marmara holds Kocaeli 61, Bursa 60, Yalova 10 and five others at 2.
    let regions = run(&w, &["region_totals", "-p", "year=2025", "-p", "month=10"]);
    assert_eq!(column(&regions, "region")[..4], ["Doğu Marmara", "İstanbul", "Ege", "Batı Karadeniz"]);
    assert_eq!(musd(&nums(&regions, "value_usd"))[..4], [Some(141.0), Some(110.0), Some(54.0), Some(23.0)]);
    assert_eq!(column(&regions, "provinces")[..4], ["8", "1", "8", "10"]);
    assert_eq!(column(&regions, "region_provinces")[..4], ["8", "1", "8", "10"]);
    // Doğu Marmara a year earlier: 50 + 40 + 8 + 5 × 2 = 108.
    assert_eq!(nums(&regions, "change_pct")[..2], [Some(30.56), Some(10.0)]);
    // June 2025: Doğu Marmara lacks Bursa, so its total is not given.
    let june = run(&w, &["region_totals", "-p", "year=2025", "-p", "month=6"]);
    let i = column(&june, "region").iter().position(|r| r == "Doğu Marmara").unwrap();
    assert_eq!(column(&june, "value_usd")[i], "");
    assert_eq!(musd(&nums(&june, "with_data_usd"))[i], Some(81.0));
}

/// A period no province has a value for (nor a year earlier) is kept nowhere (migration 019 keeps
/// the shares of periods with data), and still answers: every region of the level, each with its
/// provinces counted and nothing summed, and a concentration that says why it is empty.
#[test]
fn shares_concentration_and_regions_of_a_period_without_data() {
    let w = fixture();
    let regions = run(&w, &["region_totals", "-p", "year=2040", "-p", "month=3"]);
    // NUTS-1 has 12 regions, NUTS-2 26, between them Turkey's 81 provinces.
    assert_eq!(regions.len() - 1, 12);
    assert!(column(&regions, "provinces").iter().all(|p| p == "0"), "{regions:?}");
    assert!(column(&regions, "value_usd").iter().all(String::is_empty), "{regions:?}");
    assert!(column(&regions, "with_data_usd").iter().all(String::is_empty), "{regions:?}");
    let sizes: Vec<u32> = column(&regions, "region_provinces").iter().map(|n| n.parse().unwrap()).collect();
    assert_eq!(sizes.iter().sum::<u32>(), 81);
    // Ordered by code when nothing is summed: TR1 İstanbul (one province) first.
    assert_eq!(column(&regions, "region_code")[..2], ["TR1", "TR2"]);
    assert_eq!(sizes[0], 1);
    let nuts2 = run(&w, &["region_totals", "-p", "year=2040", "-p", "month=3", "-p", "level=nuts2"]);
    assert_eq!(nuts2.len() - 1, 26);

    let c = run(&w, &["concentration", "-p", "year=2040", "-p", "month=3"]);
    assert_eq!(c.len() - 1, 1);
    assert_eq!(column(&c, "panel"), ["0"]);
    assert_eq!(column(&c, "complete"), ["false"]);
    assert_eq!(column(&c, "top1_pct"), [""]);
    assert_eq!(column(&c, "hhi"), [""]);
    assert_eq!(
        column(&c, "missing"),
        ["0 of 81 provinces have a value: hhi needs them all, and shares need a national total, which no release gave"]
    );
    // In Turkish the reason is Turkish, its shared verb at the end.
    let turkish = w.stdout(&["run", "concentration", "-p", "year=2040", "-p", "month=3", "--locale", "tr", "--format", "markdown"]);
    assert!(turkish.contains("81 ilden 0 ilin değeri var: HHI hepsini, paylar da hiçbir bültenin vermediği bir ulusal toplamı gerektirir"), "{turkish}");
    // And no province to share.
    assert_eq!(run(&w, &["share_of_total", "-p", "year=2040", "-p", "month=3"]).len(), 1);
}

#[test]
fn profiles_and_history() {
    let w = fixture();
    let bursa = run(&w, &["province_profile", "-p", "province=BURSA", "-p", "year=2025"]);
    assert_eq!(bursa.len(), 13);
    assert_eq!(column(&bursa, "value_usd")[5], "");
    assert_eq!(column(&bursa, "rank")[5], "");
    assert_eq!(column(&bursa, "panel")[5], "80");
    assert_eq!(column(&bursa, "rank")[9], "3");
    assert_eq!(column(&bursa, "rank_origin")[9], "computed");
    assert_eq!(nums(&bursa, "change_pct")[9], Some(50.0));
    // İzmir in June 2025: 80 provinces, no rank.
    let izmir = run(&w, &["province_profile", "-p", "province=izmir", "-p", "year=2025"]);
    assert_eq!(column(&izmir, "value_usd")[5], "60000000.00");
    assert_eq!(column(&izmir, "rank")[5], "");

    // Kocaeli's full years: third in 2024 (İstanbul 1200, İzmir 720, Kocaeli 600); 2025 is not
    // complete (Bursa), so no rank.
    let history = run(&w, &["rank_history", "-p", "province=kocaeli", "-p", "from_year=2024", "-p", "to_year=2025", "-p", "period=year"]);
    assert_eq!(column(&history, "year"), ["2024", "2025"]);
    assert_eq!(column(&history, "rank"), ["3", ""]);
    assert_eq!(column(&history, "panel"), ["81", "80"]);
    let months = run(&w, &["rank_history", "-p", "province=Bursa", "-p", "from_year=2025", "-p", "to_year=2025"]);
    assert_eq!(months.len() - 1, 11, "June is missing");

    let coverage = run(&w, &["coverage", "-p", "year=2025", "-p", "basis=activity"]);
    assert_eq!(column(&coverage, "provinces"), ["81", "81", "81", "81", "81", "80", "81", "81", "81", "81", "81", "81"]);
    assert_eq!(column(&coverage, "loaded")[0], "81");
}

#[test]
fn national_figures_are_computed_on_a_complete_panel_and_missing_otherwise() {
    let w = fixture();
    // October 2025 alone: 436 against 408 a year earlier (+6.9 %), none over 1 billion, 5 rose.
    let rows = run(&w, &["national_summary", "-p", "year=2025", "-p", "month=10", "-p", "period=month"]);
    assert_eq!(column(&rows, "metric"), ["total_exports", "total_change_pct", "provinces_over_1b", "provinces_increased"]);
    assert_eq!(column(&rows, "value"), ["436000000.00", "6.90", "0.00", "5.00"]);
    assert_eq!(column(&rows, "origin"), ["computed", "computed", "computed", "computed"]);
    let rows = run(&w, &["national_summary", "-p", "year=2025", "-p", "month=10"]);
    assert_eq!(column(&rows, "value"), ["", "", "", ""]);
    assert!(column(&rows, "missing")[0].starts_with("not computable: 80 of 81 provinces have a value"), "{rows:?}");
}

#[test]
fn six_provinces_alone_give_no_rank_no_share_and_no_count() {
    let w = fixture_with(false);
    assert_eq!(run(&w, &["top_provinces", "-p", "year=2025", "-p", "month=10"]).len(), 1);
    assert_eq!(run(&w, &["top_increases", "-p", "year=2025", "-p", "month=10"]).len(), 1);
    let shares = run(&w, &["share_of_total", "-p", "year=2025", "-p", "month=10"]);
    assert_eq!(column(&shares, "province"), ["İstanbul", "Kocaeli", "Bursa", "İzmir", "Yalova", "Çorum"]);
    assert!(column(&shares, "share_pct").iter().all(String::is_empty), "{shares:?}");
    assert_eq!(column(&shares, "share_of")[0], "none: 6 of 81 provinces have a value and no national total was published");
    let c = run(&w, &["concentration", "-p", "year=2025", "-p", "month=10"]);
    assert_eq!(column(&c, "top1_pct"), [""]);
    assert_eq!(column(&c, "hhi"), [""]);
    assert!(column(&c, "missing")[0].starts_with("6 of 81 provinces have a value"), "{c:?}");
    let over = run(&w, &["over_threshold", "-p", "year=2025", "-p", "month=10", "-p", "period=month", "-p", "threshold=50000000"]);
    assert_eq!(column(&over, "provinces"), [""]);
    assert_eq!(column(&over, "names"), ["İstanbul, Kocaeli, Bursa"]);
}

/// A small deterministic generator, so the differential test needs no extra crate.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn on_random_complete_panels_the_sql_agrees_with_a_direct_computation() {
    for seed in [7u64, 2026] {
        let w = Workdir::new();
        w.run(&["provinces"]);
        let mut rng = XorShift(seed);
        // value[code][year - 2024][month - 1] in whole dollars; small ranges make ties likely.
        let mut value = vec![[[0i64; 12]; 2]; 82];
        let mut rows = Vec::new();
        for code in 1..=81usize {
            for year in 0..2 {
                for month in 0..12 {
                    let v = (rng.next() % 40) as i64 * 1_000_000 + (rng.next() % 3) as i64;
                    value[code][year][month] = v;
                    rows.push(format!("({code}, {}, {}, 'activity', {v}, 0, 'synthetic', false, 1, now()::TIMESTAMP)", 2024 + year, month + 1));
                }
            }
        }
        w.with_database(|conn| {
            conn.execute_batch(&format!("DELETE FROM exports; DELETE FROM published_figures; INSERT INTO exports VALUES {};", rows.join(", ")))
                .unwrap()
        });
        for (period, month) in [("month", 7usize), ("ytd", 7), ("year", 12)] {
            let months = match period {
                "month" => month - 1..month,
                _ => 0..month,
            };
            let sum = |code: usize, year: usize| months.clone().map(|m| value[code][year][m]).sum::<i64>();
            let total: i64 = (1..=81).map(|c| sum(c, 1)).sum();
            // Expected ranks: 1 + the number of provinces with a strictly larger value.
            let expected: Vec<(usize, i64, i64, i64)> = (1..=81)
                .map(|c| (c, sum(c, 1), sum(c, 0), 1 + (1..=81).filter(|d| sum(*d, 1) > sum(c, 1)).count() as i64))
                .collect();
            let args = ["-p", "year=2025", "-p", &format!("month={month}"), "-p", &format!("period={period}")];
            let mut top = vec!["top_provinces", "-p", "n=81"];
            top.extend_from_slice(&args);
            let rows = run(&w, &top);
            assert_eq!(rows.len(), 82);
            for (i, code) in column(&rows, "code").iter().enumerate() {
                let code: usize = code.parse().unwrap();
                let (_, current, previous, rank) = expected[code - 1];
                assert_eq!(num(&column(&rows, "value_usd")[i]), Some(current as f64), "{period} value of {code}");
                assert_eq!(column(&rows, "rank")[i], rank.to_string(), "{period} rank of {code}");
                assert_eq!(num(&column(&rows, "change_usd")[i]), Some((current - previous) as f64));
                let share = (10000.0 * current as f64 / total as f64).round() / 100.0;
                assert!((num(&column(&rows, "share_pct")[i]).unwrap() - share).abs() < 0.011, "{period} share of {code}");
            }
            assert_eq!(column(&rows, "share_of")[0], "sum of all 81 provinces");

            let mut inc = vec!["provinces_increased"];
            inc.extend_from_slice(&args);
            let rows = run(&w, &inc);
            let rising = expected.iter().filter(|(_, c, p, _)| c > p).count();
            assert_eq!(column(&rows, "provinces"), [rising.to_string()]);
            assert_eq!(column(&rows, "complete"), ["true"]);

            let mut over = vec!["over_threshold", "-p", "threshold=200000000"];
            over.extend_from_slice(&args);
            let rows = run(&w, &over);
            let above = expected.iter().filter(|(_, c, _, _)| *c >= 200_000_000).count();
            assert_eq!(column(&rows, "provinces"), [above.to_string()], "{period} over threshold");

            let mut national = vec!["national_summary"];
            national.extend_from_slice(&args);
            let rows = run(&w, &national);
            assert_eq!(num(&column(&rows, "computed")[0]), Some(total as f64), "{period} national total");
            assert_eq!(column(&rows, "computed")[3].parse::<f64>().unwrap() as usize, rising);
        }
    }
}
