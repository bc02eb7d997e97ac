//! The detail analyses on a small complete panel, with the expected results worked out by hand
//! (issue 10). Values are in million USD in the comments; July, activity basis.
//!
//!             totals        by country (2025 / 2024)                 by chapter (2025 / 2024)
//!   İstanbul  1000 / 900    DE 400/400, US 350/300, IQ 250/200         71 500/450, 61 300/300, 84 200/150
//!   Kocaeli    500 / 500    DE 300/250, GB 200/250                     87 400/450, 84 100/50
//!   Bursa      300 / 200    DE 150/200, FR 150 (new in 2025)           87 200/150, 61 100/50

mod common;

use common::{Workdir, column};

fn fixture() -> Workdir {
    let w = Workdir::new();
    w.run(&["provinces"]);
    let totals = [(34, 1000, 900), (41, 500, 500), (16, 300, 200)];
    let countries = [(34, "DE", 400, 400), (34, "US", 350, 300), (34, "IQ", 250, 200), (41, "DE", 300, 250), (41, "GB", 200, 250), (16, "DE", 150, 200), (16, "FR", 150, 0)];
    let chapters = [(34, "71", 500, 450), (34, "61", 300, 300), (34, "84", 200, 150), (41, "87", 400, 450), (41, "84", 100, 50), (16, "87", 200, 150), (16, "61", 100, 50)];
    let mut exports = Vec::new();
    let mut detail = Vec::new();
    for (code, now, before) in totals {
        exports.push(format!("({code}, 2025, 7, 'activity', {now}000000, 0, 'fixture', false, 1, now()::TIMESTAMP)"));
        exports.push(format!("({code}, 2024, 7, 'activity', {before}000000, 0, 'fixture', false, 1, now()::TIMESTAMP)"));
    }
    let mut add = |province: i32, country: &str, product: &str, year: i32, musd: i32| {
        if musd > 0 {
            detail.push(format!("({province}, {year}, 7, 'activity', '{country}', '{product}', {musd}000000, 0, NULL, NULL, 'fixture', 1, now()::TIMESTAMP, false)"));
        }
    };
    for (p, c, now, before) in countries {
        add(p, c, "ALL", 2025, now);
        add(p, c, "ALL", 2024, before);
    }
    for (p, k, now, before) in chapters {
        add(p, "ALL", k, 2025, now);
        add(p, "ALL", k, 2024, before);
    }
    w.with_database(|conn| {
        conn.execute_batch(&format!(
            "DELETE FROM exports; DELETE FROM published_figures; DELETE FROM detail; DELETE FROM published_detail;
             INSERT INTO exports VALUES {}; INSERT INTO detail VALUES {};",
            exports.join(", "),
            detail.join(", ")
        ))
        .unwrap()
    });
    w
}

fn run(w: &Workdir, args: &[&str]) -> Vec<Vec<String>> {
    let mut all = vec!["run"];
    all.extend_from_slice(args);
    all.extend(["-p", "year=2025", "-p", "month=7"]);
    w.csv(&all)
}

fn musd(values: Vec<String>) -> Vec<Option<f64>> {
    values.iter().map(|v| if v.is_empty() { None } else { Some(v.parse::<f64>().unwrap() / 1e6) }).collect()
}

fn nums(values: Vec<String>) -> Vec<Option<f64>> {
    values.iter().map(|v| if v.is_empty() { None } else { Some(v.parse().unwrap()) }).collect()
}

#[test]
fn top_products_and_destinations_are_complete_here() {
    let w = fixture();
    let rows = run(&w, &["top_products", "-p", "province=İstanbul"]);
    assert_eq!(column(&rows, "product"), ["71", "61", "84"]);
    assert_eq!(nums(column(&rows, "share_pct")), [Some(50.0), Some(30.0), Some(20.0)]);
    assert_eq!(nums(column(&rows, "change_pct")), [Some(11.11), Some(0.0), Some(33.33)]);
    assert_eq!(column(&rows, "complete"), ["true", "true", "true"]);
    // Turkey: 87 is 600, 71 500, 61 400, 84 300 of 1800.
    let turkey = run(&w, &["top_products"]);
    assert_eq!(column(&turkey, "product"), ["87", "71", "61", "84"]);
    assert_eq!(musd(column(&turkey, "value_usd")), [Some(600.0), Some(500.0), Some(400.0), Some(300.0)]);
    assert_eq!(column(&turkey, "provinces"), ["2", "1", "2", "2"]);
    let to = run(&w, &["top_destinations", "-p", "province=Bursa"]);
    assert_eq!(column(&to, "country"), ["DE", "FR"]);
    assert_eq!(column(&to, "name_tr"), ["Almanya", "Fransa"]);
    assert_eq!(column(&to, "name_en"), ["Germany", "France"]);
}

#[test]
fn growth_and_profiles_by_province() {
    let w = fixture();
    let de = run(&w, &["destination_growth", "-p", "country=Almanya"]);
    assert_eq!(column(&de, "province"), ["Kocaeli", "İstanbul", "Bursa"]);
    assert_eq!(musd(column(&de, "change_usd")), [Some(50.0), Some(0.0), Some(-50.0)]);
    assert_eq!(nums(column(&de, "change_pct")), [Some(20.0), Some(0.0), Some(-25.0)]);
    let cars = run(&w, &["product_growth", "-p", "product=motorlu kara taşıtları"]);
    assert_eq!(column(&cars, "province"), ["Bursa", "Kocaeli"]);
    assert_eq!(nums(column(&cars, "change_pct")), [Some(33.33), Some(-11.11)]);
    // Germany takes 850: İstanbul 400 (40 % of its exports), Kocaeli 300 (60 %), Bursa 150 (50 %).
    let profile = run(&w, &["country_profile", "-p", "country=DE"]);
    assert_eq!(column(&profile, "province"), ["İstanbul", "Kocaeli", "Bursa"]);
    assert_eq!(nums(column(&profile, "share_of_code_pct")), [Some(47.06), Some(35.29), Some(17.65)]);
    assert_eq!(nums(column(&profile, "share_of_province_pct")), [Some(40.0), Some(60.0), Some(50.0)]);
    let knit = run(&w, &["product_profile", "-p", "product=Fasıl 61"]);
    assert_eq!(column(&knit, "province"), ["İstanbul", "Bursa"]);
    assert_eq!(nums(column(&knit, "share_of_code_pct")), [Some(75.0), Some(25.0)]);
    assert_eq!(nums(column(&knit, "share_of_province_pct")), [Some(30.0), Some(33.33)]);
}

#[test]
fn concentration_new_markets_and_specialisation_on_complete_detail() {
    let w = fixture();
    // Shares squared: Kocaeli 60² + 40² = 5200, Bursa 50² + 50² = 5000, İstanbul 40² + 35² + 25² = 3450.
    let hhi = run(&w, &["market_concentration"]);
    assert_eq!(column(&hhi, "province"), ["Kocaeli", "Bursa", "İstanbul"]);
    assert_eq!(nums(column(&hhi, "hhi")), [Some(5200.0), Some(5000.0), Some(3450.0)]);
    assert_eq!(column(&hhi, "top_country")[0], "DE");

    let new = run(&w, &["new_markets", "-p", "province=Bursa"]);
    assert_eq!(column(&new, "country"), ["FR"]);
    assert_eq!(nums(column(&new, "share_pct")), [Some(50.0)]);
    assert_eq!(run(&w, &["new_markets", "-p", "province=İstanbul"]).len(), 1);

    // rca = (chapter / province) / (Turkey's chapter / 1800): Kocaeli 87 (0.8 / 0.3333) = 2.4,
    // Bursa 87 2.0, İstanbul 71 1.8, Bursa 61 1.5, İstanbul 61 1.35, İstanbul 84 and Kocaeli 84 1.2.
    let rca = run(&w, &["province_specialisation"]);
    assert_eq!(nums(column(&rca, "rca")), [Some(2.4), Some(2.0), Some(1.8), Some(1.5), Some(1.35), Some(1.2), Some(1.2)]);
    assert_eq!(column(&rca, "province")[..3], ["Kocaeli", "Bursa", "İstanbul"]);

    let matrix = run(&w, &["province_country_matrix", "-p", "provinces=Kocaeli,istanbul", "-p", "countries=US,DE"]);
    // In the Turkish alphabet İ comes before K (… H I İ J K …).
    assert_eq!(column(&matrix, "province"), ["İstanbul", "Kocaeli"]);
    let kocaeli: serde_json::Value = serde_json::from_str(&column(&matrix, "matrix")[1]).unwrap();
    assert_eq!(kocaeli, serde_json::json!({"US": null, "DE": 300000000.00}));
}

#[test]
fn analyses_that_need_complete_detail_refuse_on_partial_detail() {
    let w = Workdir::new();
    let (code, stderr) = w.fail(&["run", "market_concentration", "-p", "province=İstanbul", "-p", "year=2025", "-p", "month=7"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("market_concentration needs the complete table of the province's exports by country"), "{stderr}");
    let (_, stderr) = w.fail(&["run", "new_markets", "-p", "province=Kocaeli", "-p", "year=2025", "-p", "month=7"]);
    assert!(stderr.contains("new_markets needs the province's complete table by country"), "{stderr}");
    let (_, stderr) = w.fail(&["run", "province_specialisation", "-p", "year=2025", "-p", "month=7"]);
    assert!(stderr.contains("province_specialisation needs every province's complete table by product"), "{stderr}");
    // The analysis's own sentence, without DuckDB's name for the kind of error.
    assert!(stderr.contains("running `province_specialisation`: province_specialisation needs"), "{stderr}");
    // The published top three are partial detail, and say so.
    let rows = w.csv(&["run", "top_products", "-p", "province=Kocaeli", "-p", "year=2025", "-p", "month=7"]);
    assert_eq!(column(&rows, "complete"), ["false", "false", "false"]);
}

#[test]
fn detail_check_puts_detail_beside_the_totals() {
    let w = fixture();
    let rows = run(&w, &["detail_check"]);
    assert_eq!(column(&rows, "province"), ["İstanbul", "Kocaeli", "Bursa"]);
    assert_eq!(column(&rows, "products_complete"), ["true", "true", "true"]);
    assert_eq!(nums(column(&rows, "country_coverage_pct")), [Some(100.0), Some(100.0), Some(100.0)]);
    // On the bundled figures, İstanbul's top three chapters of July 2025 are 37.24 % of its 5,835 million.
    let bundled = Workdir::new().csv(&["run", "detail_check", "-p", "year=2025", "-p", "month=7"]);
    assert_eq!(column(&bundled, "province")[0], "İstanbul");
    assert_eq!(column(&bundled, "products_complete")[0], "false");
    assert_eq!(column(&bundled, "by_product_usd")[0], "2173092000.00");
}
