//! The Ministry's wide table (`province_months`, issue 22): a province a row, a month a column,
//! the year to date and a TOPLAM row, empty where there is no value, and loadable as it is
//! written. The values are a SYNTHETIC panel this test writes and loads (not real figures), so
//! that every expected cell is worked out here.

mod common;

use std::collections::BTreeMap;

use common::{Workdir, column, parse_csv};

/// Province `code`'s SYNTHETIC value for `month` of 2021 (a year the bundled data has no
/// activity-basis figure for), in cents: distinct in every cell and
/// with cents, so a value moved to another cell or rounded is seen.
fn cents(code: i64, month: i64) -> i64 {
    code * 100_000_000 + month * 100_000 + code * 10 + month
}

fn dollars(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// 81 provinces for January and February 2021; March for every province but Düzce (81).
fn panel() -> (Workdir, BTreeMap<String, i64>) {
    let w = Workdir::new();
    let provinces = w.csv(&["provinces"]);
    let mut codes = BTreeMap::new();
    let mut csv = String::from("province,year,month,value_usd\n");
    for name in column(&provinces, "name") {
        let code: i64 = provinces.iter().find(|r| r[1] == name).map(|r| r[0].parse().unwrap()).unwrap();
        for month in 1..=3 {
            if !(code == 81 && month == 3) {
                csv.push_str(&format!("{name},2021,{month},{}\n", dollars(cents(code, month))));
            }
        }
        codes.insert(name, code);
    }
    let path = w.write("panel.csv", csv);
    w.run(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    (w, codes)
}

#[test]
fn a_province_a_row_a_month_a_column_with_totals_only_where_they_are_whole() {
    let (w, codes) = panel();
    let rows = w.csv(&["run", "province_months", "-p", "year=2021"]);
    assert_eq!(rows[0], ["İL", "OCAK 2021", "ŞUBAT 2021", "MART 2021", "OCAK-MART 2021"]);
    assert_eq!(rows.len(), 1 + 81 + 1, "81 provinces and TOPLAM");
    // Plate-code order, TOPLAM last.
    assert_eq!(rows[1][0], "Adana");
    assert_eq!(rows[34][0], "İstanbul");
    assert_eq!(rows[82][0], "TOPLAM");
    for row in &rows[1..82] {
        let code = codes[&row[0]];
        assert_eq!(row[1], dollars(cents(code, 1)), "{}", row[0]);
        assert_eq!(row[2], dollars(cents(code, 2)), "{}", row[0]);
        if code == 81 {
            // No March: an empty cell, and no year to date (never a partial sum).
            assert_eq!(&row[3..], ["", ""], "{}", row[0]);
        } else {
            assert_eq!(row[3], dollars(cents(code, 3)));
            assert_eq!(row[4], dollars(cents(code, 1) + cents(code, 2) + cents(code, 3)));
        }
    }
    let total = |month: i64| dollars((1..=81).map(|code| cents(code, month)).sum());
    // January and February have all 81 provinces; March has 80, so neither it nor the year to
    // date has a total.
    assert_eq!(rows[82], ["TOPLAM".to_string(), total(1), total(2), String::new(), String::new()]);
}

#[test]
fn english_headings_and_a_shorter_table() {
    let (w, _) = panel();
    let rows = w.csv(&["run", "province_months", "-p", "year=2021", "-p", "headings=en", "-p", "through=2"]);
    assert_eq!(rows[0], ["Province", "Jan 2021", "Feb 2021", "Jan-Feb 2021"]);
    assert_eq!(rows[82][0], "TOTAL");
    // A table of January alone has no year-to-date column.
    let rows = w.csv(&["run", "province_months", "-p", "year=2021", "-p", "through=1"]);
    assert_eq!(rows[0], ["İL", "OCAK 2021"]);
}

/// The loaded rows of a database, as (code, year, month, cents).
fn loaded(w: &Workdir) -> Vec<(i64, i64, i64, String)> {
    w.csv(&["sql", "SELECT province_code, year, month, value_usd FROM exports WHERE load_id IS NOT NULL ORDER BY ALL"])[1..]
        .iter()
        .map(|r| (r[0].parse().unwrap(), r[1].parse().unwrap(), r[2].parse().unwrap(), r[3].clone()))
        .collect()
}

#[test]
fn the_table_loads_back_as_it_was_from_csv_and_from_excel() {
    let (w, _) = panel();
    let expected: Vec<(i64, i64, i64, String)> = (1..=81)
        .flat_map(|code| (1..=3).filter(move |&m| !(code == 81 && m == 3)).map(move |m| (code, 2021, m, dollars(cents(code, m)))))
        .collect();
    assert_eq!(loaded(&w), expected);
    for (file, lang) in [("wide.csv", "tr"), ("wide.xlsx", "en")] {
        let path = w.path(file);
        w.run(&["run", "province_months", "-p", "year=2021", "-p", &format!("headings={lang}"), "-o", path.to_str().unwrap()]);
        let fresh = Workdir::new();
        let output = fresh.run(&["load", path.to_str().unwrap(), "--basis", "activity"]);
        let stderr = common::text(&output.stdout) + &common::text(&output.stderr);
        // The TOPLAM row and the year-to-date column are read as checks, not as provinces.
        assert!(stderr.contains("242 rows, 81 provinces"), "{file}: {stderr}");
        assert_eq!(loaded(&fresh), expected, "{file}");
    }
}

#[test]
fn the_bundled_data_leaves_cells_empty_and_states_no_total() {
    let w = Workdir::new();
    let rows = w.csv(&["run", "province_months", "-p", "year=2025"]);
    let values: usize = rows[1..82].iter().map(|r| r[1..13].iter().filter(|c| !c.is_empty()).count()).sum();
    let stored = w.csv(&["sql", "SELECT count(*) FROM exports WHERE year = 2025 AND basis = 'activity'"])[1][0].clone();
    assert_eq!(values.to_string(), stored, "one cell for each stored value, no other");
    assert!(rows[1..].iter().all(|r| r.iter().skip(1).all(|c| c != "0" && c != "0.00")), "no zero stands for a missing value");
    // No activity-basis province has every month of 2025 in the bundled data, and no month has
    // all 81: the year-to-date column and the TOPLAM row are empty.
    assert!(rows[1..].iter().all(|r| r[13].is_empty()));
    assert!(rows[82][1..].iter().all(String::is_empty));
    // A year without data says why it is empty.
    let output = w.run(&["run", "province_months", "-p", "year=2001", "--format", "csv"]);
    assert!(parse_csv(&common::text(&output.stdout)).len() <= 1, "no rows");
    assert!(common::text(&output.stderr).contains("no rows: the data has no value for any province in that year"));
}

#[test]
fn every_front_end_shows_the_same_wide_table() {
    let (w, _) = panel();
    let run = w.stdout(&["run", "province_months", "-p", "year=2021", "--format", "csv"]);
    // export writes the wide table too (not the long rows it is made of), and refuses to
    // partition it.
    let path = w.path("export.csv");
    w.run(&["export", "province_months", "-p", "year=2021", "--to", path.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), run);
    let (_, stderr) = w.fail(&["export", "province_months", "-p", "year=2025", "--to", w.path("dir").to_str().unwrap(), "--partition-by", "year"]);
    assert!(stderr.contains("is a wide table"), "{stderr}");
    let json = w.stdout(&["run", "province_months", "-p", "year=2021", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json[0]["İL"], "Adana");
    assert_eq!(json[80]["MART 2021"], serde_json::Value::Null);
    // `queries show` says the result is shown wide.
    let show = w.stdout(&["queries", "show", "province_months"]);
    assert!(show.contains("shown wide: a column for each `heading`, filled from `value_usd`"), "{show}");
    assert_eq!(parse_csv(&run).len(), 83);
}

#[test]
fn a_user_query_that_pivots_two_values_into_one_cell_is_refused() {
    let w = Workdir::new();
    std::fs::create_dir_all(w.path("queries")).unwrap();
    w.write(
        "queries/twice.sql",
        "--- summary  two values for one cell\n--- pivot  column=h value=v\nSELECT * FROM (VALUES ('Bursa', 'Oca', 1), ('Bursa', 'Oca', 2)) t(province, h, v)\n",
    );
    let (code, stderr) = w.fail(&["--queries", w.path("queries").to_str().unwrap(), "run", "twice"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("`twice` returned two rows for the same row and heading `Oca`"), "{stderr}");
}
