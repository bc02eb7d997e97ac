//! Loading detail tables, and the synthetic generator with a differential check (issue 10).

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::{Workdir, column};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/load").join(name).to_string_lossy().into_owned()
}

#[test]
fn a_detail_table_goes_to_detail_with_codes_resolved() {
    let w = Workdir::new();
    let out = w.stdout(&["load", &fixture("detail_long.csv"), "--basis", "activity"]);
    assert!(out.contains("4 rows, 3 provinces, 2025-07; basis activity, unit usd, long detail layout"), "{out}");
    let rows = w.csv(&["sql", "SELECT province_code, country_code, product_code, value_usd, quantity, quantity_unit FROM detail WHERE load_id IS NOT NULL ORDER BY ALL"]);
    assert_eq!(
        rows[1..],
        [
            ["34", "AE", "71", "960912000.00", "", ""],
            ["35", "ES", "27", "136954000.00", "", ""],
            ["41", "DE", "87", "351158000.00", "1200.000", "adet"],
            ["41", "US", "870321", "1000.00", "", ""],
        ]
    );
    // Province totals are untouched by a detail load.
    assert_eq!(w.csv(&["sql", "SELECT count(*) FROM exports WHERE load_id IS NOT NULL"])[1], ["0"]);
    w.run(&["unload", "1"]);
    assert_eq!(w.csv(&["sql", "SELECT count(*) FROM detail WHERE load_id IS NOT NULL"])[1], ["0"]);
}

#[test]
fn broken_detail_is_refused_with_its_place() {
    let w = Workdir::new();
    let before = w.stdout(&["sql", "SELECT * FROM detail ORDER BY ALL"]);
    for (file, expected) in [
        ("detail_unknown_country.csv", "detail_unknown_country.csv:2: column \"ülke\": `Atlantis`: unknown country"),
        ("detail_unknown_product.csv", "detail_unknown_product.csv:2: column \"fasıl\": `99x`: unknown product"),
        ("detail_numeric_country.csv", "detail_numeric_country.csv:2: column \"ülke\": `004`: unknown country (ISO numbers need iso:"),
        ("detail_duplicate.csv", "detail_duplicate.csv:3: column \"il\": `Bursa`: appears 2 times for 2025-01 DE/87 (lines 2, 3)"),
    ] {
        let (code, stderr) = w.fail(&["load", &fixture(&format!("broken/{file}")), "--basis", "activity"]);
        assert_eq!(code, 1);
        assert!(stderr.contains(expected), "{file}: expected `{expected}` in:\n{stderr}");
    }
    assert_eq!(w.stdout(&["sql", "SELECT * FROM detail ORDER BY ALL"]), before);
}

#[test]
fn the_generator_is_deterministic_and_labelled() {
    let w = Workdir::new();
    let a = w.path("a");
    let b = w.path("b");
    w.run(&["generate", "--rows", "5000", "--seed", "7", "--to", a.to_str().unwrap()]);
    w.run(&["generate", "--rows", "5000", "--seed", "7", "--to", b.to_str().unwrap()]);
    let csv_a = std::fs::read(a.join("synthetic-detail-5000-seed7.csv")).unwrap();
    assert_eq!(csv_a, std::fs::read(b.join("synthetic-detail-5000-seed7.csv")).unwrap());
    let text = String::from_utf8(csv_a).unwrap();
    assert!(text.starts_with("SYNTHETIC test data from ihracat generate (seed 7): not real export figures\nil,yil,ay,ulke,fasil,deger_usd\n"));
    let rows = common::parse_csv(&text);
    assert_eq!(rows.len(), 2 + 5000);
    assert!(rows[2..].iter().all(|r| r[5].parse::<f64>().unwrap() > 0.0), "no zero rows");
    let parquet = std::fs::File::open(a.join("synthetic-detail-5000-seed7.parquet")).unwrap();
    let reader = parquet::file::reader::SerializedFileReader::new(parquet).unwrap();
    let metadata = parquet::file::reader::FileReader::metadata(&reader).file_metadata().key_value_metadata().cloned().unwrap_or_default();
    assert!(metadata.iter().any(|kv| kv.key == "synthetic" && kv.value.as_deref() == Some("true")), "{metadata:?}");
    let other = w.path("c");
    w.run(&["generate", "--rows", "5000", "--seed", "8", "--to", other.to_str().unwrap(), "--format", "csv"]);
    assert_ne!(std::fs::read(other.join("synthetic-detail-5000-seed8.csv")).unwrap(), text.as_bytes());
}

/// Generated detail loaded as complete tables: the SQL's rankings, shares and concentration
/// equal a direct computation over the file's rows.
#[test]
fn on_generated_detail_the_sql_agrees_with_a_direct_computation() {
    let w = Workdir::new();
    let dir = w.path("gen");
    w.run(&["generate", "--rows", "30000", "--seed", "11", "--to", dir.to_str().unwrap(), "--format", "csv"]);
    let file = dir.join("synthetic-detail-30000-seed11.csv");
    w.run(&["load", file.to_str().unwrap(), "--basis", "activity", "--complete"]);
    let text = std::fs::read_to_string(&file).unwrap();
    let rows = common::parse_csv(&text);
    // (province, year, month) → country → value
    let mut by_country: BTreeMap<(String, String, String), BTreeMap<String, f64>> = BTreeMap::new();
    for r in &rows[2..] {
        *by_country.entry((r[0].clone(), r[1].clone(), r[2].clone())).or_default().entry(r[3].clone()).or_default() += r[5].parse::<f64>().unwrap();
    }
    for (province, year, month) in [("İstanbul", "2000", "1"), ("Kocaeli", "2000", "1"), ("Bursa", "2000", "1")] {
        let countries = &by_country[&(province.to_string(), year.to_string(), month.to_string())];
        let total: f64 = countries.values().sum();
        let mut ranked: Vec<(&String, &f64)> = countries.iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
        let result = w.csv(&["run", "top_destinations", "-p", &format!("province={province}"), "-p", &format!("year={year}"), "-p", &format!("month={month}"), "-p", "n=5"]);
        let expected: Vec<String> = ranked.iter().take(5).map(|(c, _)| c.to_string()).collect();
        assert_eq!(column(&result, "country"), expected, "{province}");
        for (i, (_, value)) in ranked.iter().take(5).enumerate() {
            let share: f64 = column(&result, "share_pct")[i].parse().unwrap();
            assert!((share - 100.0 * *value / total).abs() < 0.006, "{province} share");
        }
        assert_eq!(column(&result, "complete")[0], "true");
        let hhi_expected: f64 = countries.values().map(|v| (100.0 * v / total).powi(2)).sum();
        let hhi = w.csv(&["run", "market_concentration", "-p", &format!("province={province}"), "-p", &format!("year={year}"), "-p", &format!("month={month}")]);
        let got: f64 = column(&hhi, "hhi")[0].parse().unwrap();
        assert!((got - hhi_expected).abs() < 0.051, "{province}: hhi {got} against {hhi_expected}");
    }
}

/// A load bigger than its memory limit spills to disk; on a fresh machine the spill folder
/// ($XDG_CACHE_HOME/ihracat/spill, here under the test's empty HOME) does not exist yet.
#[test]
fn a_load_that_spills_makes_its_spill_folder_first() {
    let w = Workdir::new();
    let data = w.path("data");
    w.stdout(&["generate", "--rows", "400000", "--seed", "1", "--to", &data.to_string_lossy(), "--format", "csv"]);
    let csv = data.join("synthetic-detail-400000-seed1.csv");
    // Without XDG_CACHE_HOME, as on a fresh machine: the folder is under $HOME/.cache.
    let output = w
        .command(&["--memory-limit", "50MB", "load", &csv.to_string_lossy(), "--basis", "activity", "--complete"])
        .env_remove("XDG_CACHE_HOME")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(w.path("home/.cache/ihracat/spill").is_dir());
    assert_eq!(column(&w.csv(&["sql", "SELECT count(*) AS n FROM detail WHERE load_id IS NOT NULL"]), "n"), vec!["400000"]);
}

/// `generate` says how its files load, creates no database, and the refusal that meets a file
/// loaded without --complete names the option (issue 31: a trade economist met neither).
#[test]
fn generate_says_how_its_files_load_and_creates_no_database() {
    let w = Workdir::empty();
    let help = w.stdout(&["generate", "--help"]);
    assert!(help.contains("ihracat load FILE --basis activity --complete"), "{help}");
    let dir = w.path("gen");
    w.run(&["generate", "--rows", "2000", "--seed", "3", "--to", dir.to_str().unwrap(), "--format", "csv"]);
    assert!(!w.db().exists(), "generate created {}", w.db().display());
    let file = dir.join("synthetic-detail-2000-seed3.csv");
    w.run(&["load", file.to_str().unwrap(), "--basis", "activity"]);
    let (_, stderr) = w.fail(&["run", "market_concentration", "-p", "year=2025", "-p", "month=7"]);
    assert!(stderr.contains("--complete"), "{stderr}");
}

/// `info` shows the detail a database holds, not only the province totals (issue 31: after a
/// detail load it said "loads: 1" and nothing of the rows).
#[test]
fn info_shows_the_detail_a_database_holds() {
    let w = Workdir::new();
    let before: serde_json::Value = serde_json::from_str(&w.stdout(&["info", "--format", "json"])).unwrap();
    assert_eq!(before["detail"]["loaded_rows"], 0);
    let bundled = before["detail"]["bundled_rows"].as_i64().unwrap();
    assert!(bundled > 50, "{before}");
    let file = w.write("d.csv", "il,yıl,ay,ülke,fasıl,değer (usd)\nBayburt,2021,3,Almanya,08,1000\nBayburt,2021,4,Irak,08,2000\nZonguldak,2021,4,Almanya,72,3000\n");
    w.run(&["load", file.to_str().unwrap(), "--basis", "activity", "--complete"]);
    let after: serde_json::Value = serde_json::from_str(&w.stdout(&["info", "--format", "json"])).unwrap();
    assert_eq!(after["detail"]["loaded_rows"], 3);
    assert_eq!(after["detail"]["bundled_rows"], bundled);
    assert_eq!(after["detail"]["first_month"], "2021-03");
    assert_eq!(after["detail"]["complete_province_months"], 3);
    let text = w.command(&["info"]).output().unwrap();
    let all = format!("{}{}", String::from_utf8_lossy(&text.stdout), String::from_utf8_lossy(&text.stderr));
    assert!(all.contains("detail:         3 loaded rows"), "{all}");
}

/// A database that holds detail alone for a month shows it in `coverage` and `info`, which
/// counted province totals only (issue 31: 4 million detail rows, and `coverage` was empty).
#[test]
fn coverage_and_info_show_the_detail_a_month_holds() {
    let w = Workdir::new();
    w.write("d.csv", "il,yıl,ay,ülke,fasıl,değer\nBursa,2001,3,DE,87,5\nBursa,2001,3,FR,87,6\nKonya,2001,3,DE,87,1\n");
    w.run(&["load", "d.csv", "--basis", "activity", "--complete"]);
    // İzmir's table for the same month is partial (loaded without --complete): it counts as a
    // province with detail, not as a complete one; its two rows count once each.
    w.write("e.csv", "il,yıl,ay,ülke,fasıl,değer\nİzmir,2001,3,DE,87,2\nİzmir,2001,3,FR,87,3\n");
    w.run(&["load", "e.csv", "--basis", "activity"]);
    let rows = w.csv(&["run", "coverage", "-p", "year=2001"]);
    let at = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    let row = &rows[1];
    assert_eq!(
        [&row[at("year")], &row[at("month")], &row[at("basis")], &row[at("provinces")], &row[at("detail_provinces")], &row[at("detail_rows")], &row[at("detail_complete")]],
        ["2001", "3", "activity", "0", "3", "5", "2"]
    );
    let info = w.stdout(&["info", "--format", "json"]);
    let info: serde_json::Value = serde_json::from_str(&info).unwrap();
    assert_eq!(info["detail"]["loaded_rows"], 5);
    assert_eq!(info["loads"], 2);
}
