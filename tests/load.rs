//! Loading real-shaped tables, and refusing broken ones without changing anything (issue 3).

mod common;

use std::path::PathBuf;

use common::{Workdir, column};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/load").join(name).to_string_lossy().into_owned()
}

/// The managed tables' rows, sorted, and the schema: what "unchanged" means (design rule 19).
fn snapshot(w: &Workdir) -> Vec<String> {
    ["exports", "published_figures", "loads", "replaced_exports", "provinces", "province_aliases", "ihracat_meta"]
        .iter()
        .map(|t| w.stdout(&["sql", &format!("SELECT * FROM {t} ORDER BY ALL"), "--format", "csv"]))
        .chain([w.stdout(&["sql", "SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY ALL", "--format", "csv"])])
        .collect()
}

fn value(w: &Workdir, province: i32, year: i32, month: i32, basis: &str) -> Vec<Vec<String>> {
    w.csv(&["sql", &format!("SELECT value_usd, load_id IS NOT NULL AS loaded FROM exports WHERE province_code = {province} AND year = {year} AND month = {month} AND basis = '{basis}'")])
}

#[test]
fn a_long_csv_with_english_numbers_and_turkish_names() {
    let w = Workdir::new();
    let out = w.stdout(&["load", &fixture("long.csv"), "--basis", "activity"]);
    assert!(out.contains("3 rows, 3 provinces, 2025-09; basis activity, unit usd, long layout"), "{out}");
    assert!(out.contains("1 added, 2 replaced bundled rows"), "{out}");
    assert_eq!(value(&w, 34, 2025, 9, "activity")[1], vec!["4512000000.00", "true"]);
    assert_eq!(value(&w, 76, 2025, 9, "activity")[1], vec!["1234567.89", "true"]);
    // "-" is missing, not zero: Şanlıurfa gets no row.
    assert_eq!(value(&w, 63, 2025, 9, "activity").len(), 1);
}

#[test]
fn a_tab_separated_table_with_periods_plate_codes_and_a_unit_in_the_header() {
    let w = Workdir::new();
    let output = w.run(&["load", &fixture("long_period.tsv"), "--basis", "activity"]);
    assert!(common::text(&output.stderr).contains("unit thousand-usd detected from \"ihracat (bin dolar)\""));
    assert_eq!(value(&w, 41, 2025, 8, "activity")[1], vec!["2570000000.00", "true"]);
    assert_eq!(value(&w, 46, 2025, 8, "activity")[1], vec!["105123000.00", "true"]);
}

#[test]
fn an_official_wide_table_in_windows_1254() {
    let w = Workdir::new();
    let output = w.run(&["load", &fixture("wide_official_1254.csv"), "--basis", "activity"]);
    let stdout = common::text(&output.stdout);
    let stderr = common::text(&output.stderr);
    assert!(stdout.contains("5 rows, 3 provinces, 2024-10, 2025-10; basis activity, unit thousand-usd, wide layout"), "{stdout}");
    assert!(stderr.contains("unit thousand-usd detected from \"İLLERE GÖRE İHRACAT (1000 $)\""), "{stderr}");
    assert!(stderr.contains("column 4 \"Değişim (%)\" is not data and was ignored"), "{stderr}");
    assert_eq!(value(&w, 34, 2024, 10, "activity")[1], vec!["5174654000.00", "true"]);
    assert_eq!(value(&w, 73, 2025, 10, "activity")[1], vec!["20500000.00", "true"]);
    assert_eq!(value(&w, 73, 2024, 10, "activity").len(), 1, "a dash is missing");
    // The cumulative column is a cross-check, never a month.
    assert_eq!(w.csv(&["sql", "SELECT count(*) FROM exports WHERE load_id IS NOT NULL"])[1], vec!["5"]);
}

#[test]
fn a_bom_excel_parquet_json_and_ndjson() {
    let w = Workdir::new();
    w.run(&["load", &fixture("bom.csv"), &fixture("long.json"), &fixture("long.ndjson"), "--basis", "activity"]);
    assert_eq!(value(&w, 16, 2025, 8, "activity")[1], vec!["1750000000.00", "true"]);
    assert_eq!(value(&w, 6, 2025, 6, "activity")[1], vec!["1100000000.50", "true"]);
    assert_eq!(value(&w, 27, 2025, 5, "activity")[1], vec!["900000000.00", "true"]);

    let out = w.stdout(&["load", &fixture("official.xlsx"), "--basis", "registered"]);
    assert!(out.contains("4 rows, 2 provinces, 2025-09, 2025-10; basis registered, unit thousand-usd, wide layout"), "{out}");
    assert_eq!(value(&w, 20, 2025, 10, "registered")[1], vec!["335000500.00", "true"]);

    let parquet = w.path("exports.parquet");
    w.run(&["export", "--sql", "SELECT 'Sakarya' AS province, 2024 AS year, 2 AS month, 456000000.25::DECIMAL(18,2) AS value_usd", "--to", parquet.to_str().unwrap()]);
    w.run(&["load", parquet.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(value(&w, 54, 2024, 2, "activity")[1], vec!["456000000.25", "true"]);
}

#[test]
fn a_basis_column_is_used_when_there_is_one() {
    let w = Workdir::new();
    let out = w.stdout(&["load", &fixture("with_basis.csv")]);
    assert!(out.contains("basis activity, registered") || out.contains("basis registered, activity"), "{out}");
    assert_eq!(value(&w, 33, 2025, 4, "registered")[1], vec!["700000000.00", "true"]);
    let (_, stderr) = w.fail(&["load", &fixture("long.csv")]);
    assert!(stderr.contains("--basis activity"), "{stderr}");
}

#[test]
fn loading_the_same_file_again_changes_nothing() {
    let w = Workdir::new();
    w.run(&["load", &fixture("replace_v1.csv"), "--basis", "activity"]);
    let before = snapshot(&w);
    let out = w.stdout(&["load", &fixture("replace_v1.csv"), "--basis", "activity"]);
    assert!(out.contains("already loaded as load 1, with the same content; nothing changed"), "{out}");
    assert_eq!(snapshot(&w), before);
}

#[test]
fn different_values_need_replace_and_unload_puts_things_back() {
    let w = Workdir::new();
    w.run(&["load", &fixture("replace_v1.csv"), "--basis", "activity"]);
    let before = snapshot(&w);
    let (code, stderr) = w.fail(&["load", &fixture("replace_v2.csv"), "--basis", "activity"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("1 province-months already hold different loaded values (add --replace"), "{stderr}");
    assert!(stderr.contains("replace_v2.csv:2: Düzce 2025-03: 110000000 here, 100000000 from load 1"), "{stderr}");
    assert_eq!(snapshot(&w), before);

    let out = w.stdout(&["load", &fixture("replace_v2.csv"), "--basis", "activity", "--replace"]);
    assert!(out.contains("0 added, 0 replaced bundled rows, 1 replaced loaded row, 0 unchanged"), "{out}");
    assert_eq!(value(&w, 81, 2025, 3, "activity")[1], vec!["110000000.00", "true"]);
    let loads = w.csv(&["loads"]);
    assert_eq!(column(&loads, "load_id"), ["1", "2"]);
    // The first file again is not "already loaded": the database holds the second file's value
    // for Düzce now, so the first file's differs and needs --replace.
    let (code, stderr) = w.fail(&["load", &fixture("replace_v1.csv"), "--basis", "activity"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("replace_v1.csv:2: Düzce 2025-03: 100000000 here, 110000000 from load 2"), "{stderr}");

    let (_, stderr) = w.fail(&["unload", "1"]);
    assert!(stderr.contains("load 2 replaced rows of load 1: unload 2 first"), "{stderr}");
    assert_eq!(w.stdout(&["unload", "2"]), "unloaded load 2: 1 row removed, 1 replaced row restored\n");
    assert_eq!(snapshot(&w), before);
    // With the second load undone, the first holds its values again: the same file changes nothing.
    let out = w.stdout(&["load", &fixture("replace_v1.csv"), "--basis", "activity"]);
    assert!(out.contains("already loaded as load 1, with the same content; nothing changed"), "{out}");
}

#[test]
fn unload_restores_the_bundled_rows_a_load_replaced() {
    let w = Workdir::new();
    let before = snapshot(&w);
    w.run(&["load", &fixture("long.csv"), "--basis", "activity"]);
    assert_ne!(snapshot(&w), before);
    let out = w.stdout(&["unload", "1"]);
    assert!(out.contains("3 rows removed, 2 replaced rows restored"), "{out}");
    assert_eq!(snapshot(&w), before);
}

#[test]
fn a_dry_run_reports_and_writes_nothing() {
    let w = Workdir::new();
    let before = snapshot(&w);
    let out = w.stdout(&["load", &fixture("wide_official_1254.csv"), "--basis", "activity", "--dry-run"]);
    assert!(out.starts_with("would load"), "{out}");
    assert!(out.contains("1 added, 4 replaced bundled rows"), "{out}");
    assert_eq!(snapshot(&w), before);
}

#[test]
fn a_cumulative_column_that_disagrees_is_a_warning() {
    let w = Workdir::new();
    let output = w.run(&["load", &fixture("cumulative_mismatch.csv"), "--basis", "activity"]);
    let stderr = common::text(&output.stderr);
    assert!(stderr.contains("line 2: Bolu: \"Ocak-Şubat 2025\" says 35000 but its months add up to 30000"), "{stderr}");
}

/// Every broken file: a non-zero exit, a message that names the place, and no change.
#[test]
fn broken_files_are_refused_with_their_place_and_change_nothing() {
    let w = Workdir::new();
    let before = snapshot(&w);
    let cases: &[(&str, &[&str], &str)] = &[
        ("utf16.csv", &[], "utf16.csv: the file is UTF-16"),
        ("truncated.csv", &[], "truncated.csv:2: a quote opens a quoted field that is never closed"),
        ("garbage.csv", &[], "garbage.csv: this is not a text table"),
        ("unknown_province.csv", &[], "unknown_province.csv:3: column \"province\": `Atlantis`: unknown province"),
        ("duplicate_province.csv", &[], "duplicate_province.csv:3: column \"province\": `Bursa`: appears 2 times for 2025-01 (lines 2, 3)"),
        ("negative.csv", &[], "negative.csv:2: column \"value_usd\": `-1000`: a negative value"),
        ("text_in_number.csv", &[], "text_in_number.csv:2: column \"value_usd\": `bin iki yüz`: not a number"),
        // Forms a plain cast would read (hexadecimal, exponent, underscores) are not numbers here.
        ("cast_only_numbers.csv", &[], "cast_only_numbers.csv:2: column \"value_usd\": `0x10`: not a number"),
        ("cast_only_numbers.csv", &[], "cast_only_numbers.csv:3: column \"value_usd\": `1e5`: not a number"),
        ("cast_only_numbers.csv", &[], "cast_only_numbers.csv:4: column \"value_usd\": `1_000`: not a number"),
        ("month13.csv", &[], "month13.csv:2: column \"month\": `13`: month must be 1 to 12"),
        ("bad_month_name.csv", &[], "bad_month_name.csv:2: column \"month\": `Ekimm`: month must be 1 to 12"),
        ("empty.csv", &[], "empty.csv: the file is empty"),
        ("header_only.csv", &[], "header_only.csv: no data rows below the header (line 1)"),
        ("total_mismatch.csv", &[], "total_mismatch.csv:4: column \"Ekim 2025\": `4.000`: the total row says 4000 but the provinces add up to 3000"),
        ("year_out_of_range.csv", &[], "year_out_of_range.csv:2: column \"year\": `1850`: year must be 1990 to 2100"),
        ("no_header.csv", &[], "no_header.csv: no header row names a province column"),
        ("mixed_numbers.csv", &[], "mixed_numbers.csv:2: column \"value_usd\": `1.234,5` is a Turkish number, but"),
        ("values_without_province.csv", &[], "values_without_province.csv:2: column \"province\": ``: a row with values but no province"),
        ("bad_basis.csv", &["--no-basis"], "bad_basis.csv:2: column \"basis\": `both`: basis must be activity or registered"),
        ("no_layout.csv", &[], "no_layout.csv: line 1: cannot tell the layout"),
        ("unknown_extension.xyz", &[], "unknown_extension.xyz: cannot tell the format from the extension"),
        ("not_excel.xlsx", &[], "not_excel.xlsx: cannot read it as an Excel workbook"),
        ("not_parquet.parquet", &[], "not_parquet.parquet: it is not a Parquet file (a Parquet file begins and ends with PAR1)"),
        ("many_errors.csv", &["--max-errors", "5"], "stopped after 5 problems"),
        // Issue 17: files that loaded wrong or lost data, crashed or hung.
        ("nul_after_64k.csv", &[], "nul_after_64k.csv:4002: the line holds a NUL byte: the file is binary or damaged here"),
        ("truncated_last_row.csv", &[], "truncated_last_row.csv:3: the last line has 2 of the table's 4 cells and no line ending: the file looks cut short"),
        ("hundred_thousand_columns.csv", &[], "hundred_thousand_columns.csv:1: the line has 100001 cells: a table ihracat reads has at most 1024 columns"),
        ("too_large.csv", &[], "too_large.csv:3: column \"value_usd\": `123456789012345678901`: too large to store"),
        ("ambiguous_thousands.csv", &[], "ambiguous_thousands.csv:2: column \"deger (bin $)\": `340,732` is 340.732 thousand dollars in Turkish and 340732 thousand dollars in English"),
        ("year_fraction.csv", &[], "year_fraction.csv:2: column \"year\": `2021.7`: year must be 1990 to 2100"),
        ("month_fraction.csv", &[], "month_fraction.csv:2: column \"month\": `6.5`: month must be 1 to 12"),
        ("year_exponent.csv", &[], "year_exponent.csv:2: column \"month\": `1e1`: month must be 1 to 12"),
        ("plate_fraction.csv", &[], "plate_fraction.csv:2: column \"province\": `34.5`: unknown province"),
        ("plate_hex.csv", &[], "plate_hex.csv:2: column \"province\": `0x22`: unknown province"),
        ("plate_82.csv", &[], "plate_82.csv:2: column \"province\": `82`: unknown province"),
        ("period_glued.csv", &[], "period_glued.csv:2: column \"dönem\": `2021-1012`: month must be 1 to 12"),
        ("period_month13.csv", &[], "period_month13.csv:2: column \"dönem\": `2025-13`: month must be 1 to 12"),
        ("grouping_malformed.csv", &[], "grouping_malformed.csv:2: column \"value_usd\": `12,34,56`: not a number as the column writes them"),
        ("dots_malformed.csv", &[], "dots_malformed.csv:2: column \"value_usd\": `1.2.3`: not a number as the column writes them"),
        ("trailing_dots.csv", &[], "trailing_dots.csv:2: column \"value_usd\": `5..`: not a number as the column writes them"),
        ("date_in_value.csv", &[], "date_in_value.csv:2: column \"value_usd\": `12.5.2025`: not a number as the column writes them"),
        ("exponent_value.csv", &[], "exponent_value.csv:2: column \"value_usd\": `1,5e3`: not a number of US dollars"),
        ("double_minus.csv", &[], "double_minus.csv:2: column \"value_usd\": `--5`: not a number of US dollars"),
        ("lira_header.csv", &[], "lira_header.csv: line 1: \"ihracat (TL)\" says the values are in Turkish lira"),
        ("euro_title.csv", &[], "euro_title.csv: line 1: \"İhracat (EUR)\" says the values are in euro"),
        ("lira_cells.csv", &[], "lira_cells.csv:2: column \"value_usd\": `1.000 TL`: not a number of US dollars"),
        ("scale_word.csv", &[], "scale_word.csv:2: column \"value_usd\": `4 milyon dolar`: not a number of US dollars"),
        ("two_value_columns.csv", &[], "two_value_columns.csv: line 1: two columns could be the value: \"ihracat\" (column 4) and \"değer\" (column 5)"),
        ("year_zero.csv", &[], "year_zero.csv:2: column \"year\": `0`: year must be 1990 to 2100"),
        ("year_text.csv", &[], "year_text.csv:2: column \"year\": `iki bin`: year must be 1990 to 2100"),
        ("month_zero.csv", &[], "month_zero.csv:2: column \"month\": `0`: month must be 1 to 12"),
        ("long_cell.csv", &[], "long_cell.csv:2: column \"province\": `XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX… (100000 characters)`: unknown province"),
        ("many_duplicates.csv", &[], "many_duplicates.csv:501: column \"province\": `Bursa`: appears 500 times for 2025-01 (lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 490 more)"),
        ("no_year_column.csv", &[], "no_year_column.csv: line 1: cannot tell the layout"),
        ("wide_negative.csv", &[], "wide_negative.csv:2: column \"Şubat 2025\": `-2.000`: a negative value"),
        ("wide_unknown_province.csv", &[], "wide_unknown_province.csv:3: column \"İl\": `Narnia`: unknown province"),
        ("wide_duplicate.csv", &[], "wide_duplicate.csv:3: column \"İl\": `Bursa`: appears 2 times for 2025-01 (lines 2, 3)"),
        ("wide_blank_province.csv", &[], "wide_blank_province.csv:3: column \"İl\": ``: a row with values but no province"),
        ("wide_text_cell.csv", &[], "wide_text_cell.csv:2: column \"Ocak 2025\": `yok değil`: not a number of US dollars"),
        ("wide_year_out_of_range.csv", &[], "wide_year_out_of_range.csv: line 1: cannot tell the layout"),
        ("wide_total_thousands.csv", &["--numbers", "tr"], "wide_total_thousands.csv:4: column \"Ekim 2025 (1000 $)\": `3.500`: the total row says 3500000 but the provinces add up to 3000000"),
        ("tsv_text_value.tsv", &[], "tsv_text_value.tsv:2: column \"değer\": `bin`: not a number of US dollars"),
        ("windows_1254_unknown.csv", &[], "windows_1254_unknown.csv:3: column \"İl\": `ŞIRNAKK`: unknown province (did you mean Şırnak?)"),
        ("not_json.json", &[], "not_json.json record 2: not valid JSON: unexpected character"),
        ("json_negative.json", &[], "json_negative.json row 2: column \"value_usd\": `-5`: a negative value"),
        ("ndjson_unknown.ndjson", &[], "ndjson_unknown.ndjson row 3: column \"province\": `Atlantis`: unknown province"),
        ("detail_negative.csv", &[], "detail_negative.csv:2: column \"değer\": `-1000`: a negative value"),
        ("detail_unknown_province.csv", &[], "detail_unknown_province.csv:2: column \"il\": `Narnia`: unknown province"),
        ("detail_quantity_text.csv", &[], "detail_quantity_text.csv:2: column \"miktar\": `çok`: not a number"),
        ("utf16_be.csv", &[], "utf16_be.csv: the file is UTF-16"),
        ("gzip_named.csv", &[], "gzip_named.csv: this is not a text table (it is gzip-compressed: decompress it first)"),
        ("parquet_named.csv", &[], "parquet_named.csv: this is not a text table (it is a Parquet file"),
        ("sqlite_named.csv", &[], "sqlite_named.csv: this is not a text table (it is a SQLite database"),
        ("formula_without_value.xlsx", &[], "formula_without_value.xlsx [Sheet] row 3, column B: the formula =B2*2 has no saved value"),
        ("far_cell.xlsx", &[], "far_cell.xlsx [Sheet] row 1048576, column XFD: a table ihracat reads has at most 1024 columns"),
        ("xlsx_unknown_province.xlsx", &[], "xlsx_unknown_province.xlsx [Sheet] row 2: column \"İl\": `Atlantis`: unknown province"),
        ("xlsx_empty.xlsx", &[], "xlsx_empty.xlsx: every sheet is empty"),
        ("detail_duplicate.csv", &[], "detail_duplicate.csv:3: column \"il\": `Bursa`: appears 2 times for 2025-01 DE/87 (lines 2, 3)"),
        ("detail_numeric_country.csv", &[], "detail_numeric_country.csv:2: column \"ülke\": `004`: unknown country (ISO numbers need iso:, as iso:276)"),
        ("detail_unknown_country.csv", &[], "detail_unknown_country.csv:2: column \"ülke\": `Atlantis`: unknown country"),
        ("detail_unknown_product.csv", &[], "detail_unknown_product.csv:2: column \"fasıl\": `99x`: unknown product"),
        ("two_province_columns.csv", &[], "two_province_columns.csv: line 1: two columns could be the province: \"İl\" (column 1) and \"İl\" (column 2)"),
        ("html_named.xlsx", &[], "html_named.xlsx: cannot read it as an Excel workbook: it is an HTML or XML page with a spreadsheet's name"),
        // Issue 31: a figure is never rounded without a word; `0.004` is no grouping of thousands.
        ("sub_cent.csv", &[], "sub_cent.csv:3: column \"value_usd\": `1234.5678`: finer than a cent"),
        ("zero_point_cents.csv", &[], "zero_point_cents.csv:2: column \"value_usd\": `0.004`: finer than a cent"),
        ("far_row.xlsx", &[], "far_row.xlsx [Sheet] row 4294967295, column A: a cell below row 1,048,576"),
        ("wide_stray_quote.csv", &[], "wide_stray_quote.csv:3: a quote opens a quoted field that is never closed: a stray \" in a cell"),
        ("parquet_cut_short.parquet", &[], "parquet_cut_short.parquet: it begins as a Parquet file but does not end as one: it is cut short"),
        ("json_duplicate_key.json", &[], "json_duplicate_key.json record 1: the key \"value_usd\" appears twice in one record"),
    ];
    // The corpus (issue 17): every file in broken/ is a case, and there are at least 80.
    let files = std::fs::read_dir(fixture("broken")).unwrap().count();
    assert!(files >= 80, "{files} broken fixtures");
    for entry in std::fs::read_dir(fixture("broken")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(cases.iter().any(|(file, ..)| *file == name), "broken/{name} has no case");
    }
    for (file, extra, expected) in cases {
        let path = fixture(&format!("broken/{file}"));
        let mut args = vec!["load", path.as_str()];
        if !extra.contains(&"--no-basis") {
            args.extend(["--basis", "activity"]);
        }
        args.extend(extra.iter().filter(|a| **a != "--no-basis"));
        let (code, stderr) = w.fail(&args);
        assert_eq!(code, 1, "{file}");
        assert!(stderr.contains(expected), "{file}: expected `{expected}` in:\n{stderr}");
        assert!(!stderr.contains("panicked"), "{file}: {stderr}");
    }
    assert_eq!(snapshot(&w), before);
    // The conflicting reload is the twenty-third: see different_values_need_replace_and_unload_puts_things_back.
}

#[test]
fn the_error_list_stops_at_max_errors() {
    let w = Workdir::new();
    let (_, stderr) = w.fail(&["load", &fixture("broken/many_errors.csv"), "--basis", "activity"]);
    assert_eq!(stderr.matches("unknown province").count(), 20, "{stderr}");
    assert!(stderr.contains("stopped after 20 problems"), "{stderr}");
}

/// Parquet and JSON rows are numbered from 1, the header being row 0, in the file's order
/// whatever order DuckDB's threads read them in: 100,000 rows in row groups of 10,000.
#[test]
fn a_problem_in_a_parquet_or_json_file_names_its_row() {
    let w = Workdir::new();
    for (name, format) in [("bad.parquet", "parquet, ROW_GROUP_SIZE 10000"), ("bad.ndjson", "json")] {
        let path = w.path(name).to_string_lossy().into_owned();
        // Written by DuckDB itself (ad-hoc SQL does not write files), in row groups of 10,000.
        duckdb::Connection::open_in_memory()
            .unwrap()
            .execute_batch(&format!(
                "COPY (SELECT CASE WHEN i = 90000 THEN 'Atlantis' ELSE ((i % 81) + 1)::VARCHAR END AS province,
                             1990 + i // 972 AS year, (i // 81) % 12 + 1 AS month, 1000 + i AS value_usd
                      FROM range(100000) r(i) ORDER BY i) TO '{path}' (FORMAT {format})"
            ))
            .unwrap();
        let (code, stderr) = w.fail(&["load", &path, "--basis", "activity"]);
        assert_eq!(code, 1);
        assert!(stderr.contains(&format!("{name} row 90001: column \"province\": `Atlantis`: unknown province")), "{stderr}");
    }
}

/// Types come from every record, not a sample: a text where numbers stood for 49,999 records is
/// named by its row (it was DuckDB's "Failed to cast value … Try increasing 'sample_size'").
#[test]
fn a_text_late_in_a_json_file_is_named_by_its_row() {
    let w = Workdir::new();
    let path = w.path("late.ndjson").to_string_lossy().into_owned();
    duckdb::Connection::open_in_memory()
        .unwrap()
        .execute_batch(&format!(
            "COPY (SELECT ((i % 81) + 1) AS province, 1990 + i // 972 AS year, (i // 81) % 12 + 1 AS month,
                          CASE WHEN i = 49999 THEN 'abc' ELSE (1000 + i)::VARCHAR END AS value_usd
                   FROM range(60000) r(i) ORDER BY i) TO '{path}' (FORMAT json)"
        ))
        .unwrap();
    // The column is text in the file itself for the last 10,001 records; make the first 49,999
    // numbers, as a program writing JSON would.
    let text = std::fs::read_to_string(&path).unwrap();
    let fixed: String = text.lines().map(|l| if l.contains("\"abc\"") { l.to_string() } else { l.replacen("\"value_usd\":\"", "\"value_usd\":", 1).replacen("\"}", "}", 1) }).map(|l| l + "\n").collect();
    std::fs::write(&path, fixed).unwrap();
    let (code, stderr) = w.fail(&["load", &path, "--basis", "activity"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("late.ndjson row 50000: column \"value_usd\": `abc`: not a number of US dollars"), "{stderr}");
    assert!(!stderr.contains("sample_size"), "{stderr}");
}

/// A period column written by pandas or Spark is a date or timestamp on the first of its month:
/// it loads as that month; any other day is no month, and is refused with its row.
#[test]
fn a_parquet_period_stored_as_a_date_or_timestamp_loads_as_its_month() {
    let w = Workdir::new();
    let write = |name: &str, select: &str| {
        let path = w.path(name).to_string_lossy().into_owned();
        duckdb::Connection::open_in_memory().unwrap().execute_batch(&format!("COPY ({select}) TO '{path}' (FORMAT parquet)")).unwrap();
        path
    };
    let stamps = write(
        "stamps.parquet",
        "SELECT * FROM (VALUES ('Ankara', TIMESTAMP '2021-07-01 00:00:00', 5000.0), ('İzmir', TIMESTAMP '2021-08-01 00:00:00', 6000.0)) t(province, period, value_usd)",
    );
    let dates = write("dates.parquet", "SELECT * FROM (VALUES ('Bursa', DATE '2021-09-01', 7000.0)) t(province, period, value_usd)");
    w.run(&["load", &stamps, "--basis", "activity"]);
    w.run(&["load", &dates, "--basis", "activity"]);
    let rows = w.csv(&["sql", "SELECT province_code, year, month, value_usd FROM exports WHERE load_id IS NOT NULL ORDER BY year, month"]);
    assert_eq!(rows[1..], [["6", "2021", "7", "5000.00"], ["35", "2021", "8", "6000.00"], ["16", "2021", "9", "7000.00"]]);

    let mid_month = write("mid.parquet", "SELECT * FROM (VALUES ('Konya', DATE '2021-09-15', 7000.0)) t(province, period, value_usd)");
    let (code, stderr) = w.fail(&["load", &mid_month, "--basis", "activity"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("mid.parquet row 1: column \"period\": `2021-09-15`"), "{stderr}");
}

#[test]
fn an_excel_cumulative_column_is_checked_row_by_row() {
    let w = Workdir::new();
    let output = w.run(&["load", &fixture("cumulative_rows.xlsx"), "--basis", "activity"]);
    let stderr = common::text(&output.stderr);
    // The province's own slip, named by its sheet row; the total row is not blamed for it.
    assert!(stderr.contains("row 2: Bolu: \"Ocak-Şubat 2025\" says 35000 but its months add up to 30000"), "{stderr}");
    assert!(!stderr.contains("the total row says"), "{stderr}");
}

#[test]
fn an_excel_sheet_mixing_numeric_cells_and_turkish_text_numbers_loads() {
    let w = Workdir::new();
    w.run(&["load", &fixture("mixed_cells.xlsx"), "--basis", "activity"]);
    let rows = w.csv(&["sql", "SELECT province_code, value_usd FROM exports WHERE load_id IS NOT NULL ORDER BY province_code"]);
    assert_eq!(rows[1..], [["14", "4859000000.00"], ["54", "123456.50"], ["81", "1234567.89"]]);
}

#[test]
fn month_names_read_alike_in_headers_and_in_month_columns() {
    let w = Workdir::new();
    // "Oct" was accepted in a header ("Oct 2025") but refused in a month column.
    let path = w.write("months.csv", "province,year,month,value_usd\nBursa,2019,Oct,5\nBolu,2019,EKİM,6\nDüzce,2019,october,7\n");
    w.run(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    let rows = w.csv(&["sql", "SELECT DISTINCT month FROM exports WHERE load_id IS NOT NULL"]);
    assert_eq!(rows[1..], [["10"]]);
}

/// Issue 17, 9 and 11: integers are integers, and a period is the whole cell. Each was coerced
/// silently (2021.7 → 2022, 6.5 → 7, 34.5 → Mersin, 0x22 → İstanbul, 2021-1012 → October) or, for
/// year 0 with a one-digit month, panicked.
#[test]
fn numbers_that_are_not_integers_are_refused_with_their_cell() {
    let w = Workdir::new();
    let before = snapshot(&w);
    for (body, expected) in [
        ("province,year,month,value_usd\nBursa,2021.7,1,5\n", "c.csv:2: column \"year\": `2021.7`: year must be 1990 to 2100"),
        ("province,year,month,value_usd\nBursa,1e3,1,5\n", "c.csv:2: column \"year\": `1e3`"),
        ("province,year,month,value_usd\nBursa,2021,6.5,5\n", "c.csv:2: column \"month\": `6.5`: month must be 1 to 12"),
        ("province,year,month,value_usd\n34.5,2021,1,5\n", "c.csv:2: column \"province\": `34.5`: unknown province"),
        ("province,year,month,value_usd\n0x22,2021,1,5\n", "c.csv:2: column \"province\": `0x22`: unknown province"),
        ("province,year,month,value_usd\nBursa,0,1,5\n", "c.csv:2: column \"year\": `0`: year must be 1990 to 2100"),
        ("province,period,value_usd\nBursa,2021-1012,5\n", "c.csv:2: column \"period\": `2021-1012`: month must be 1 to 12"),
    ] {
        let path = w.write("c.csv", body);
        let (code, stderr) = w.fail(&["load", path.to_str().unwrap(), "--basis", "activity"]);
        assert_eq!(code, 1, "{body}");
        assert!(stderr.contains(expected), "{body}: expected `{expected}` in\n{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    assert_eq!(snapshot(&w), before);
}

/// Issue 17, 7 and 8: the value column is the value, not the first column that mentions
/// exports; a currency other than USD, or a scale word in a cell, is refused, never stored as
/// dollars.
#[test]
fn a_percent_column_is_not_the_value_and_other_currencies_are_refused() {
    let w = Workdir::new();
    let path = w.write("pct.csv", "il,yıl,ay,ihracat değişimi (%),ihracat (usd)\nBursa,2019,1,12.5,5000000\n");
    w.run(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(w.csv(&["sql", "SELECT value_usd FROM exports WHERE load_id IS NOT NULL"])[1], ["5000000.00"]);

    let before = snapshot(&w);
    for (body, expected) in [
        ("il,yıl,ay,ihracat (TL)\nBolu,2019,1,1000\n", "\"ihracat (TL)\" says the values are in Turkish lira"),
        ("il,yıl,ay,değer (EUR)\nBolu,2019,1,1000\n", "\"değer (EUR)\" says the values are in euro"),
        ("il;yıl;ay;değer\nBolu;2019;1;1.000 TL\n", "c.csv:2: column \"değer\": `1.000 TL`: not a number of US dollars"),
        ("il;yıl;ay;değer\nBolu;2019;1;€1.000\n", "`€1.000`: not a number of US dollars"),
        ("il;yıl;ay;değer\nBolu;2019;1;4 milyon dolar\n", "`4 milyon dolar`: not a number of US dollars"),
        ("il,yıl,ay,ihracat,değer\nBolu,2019,1,5,6\n", "two columns could be the value"),
    ] {
        let path = w.write("c.csv", body);
        let (code, stderr) = w.fail(&["load", path.to_str().unwrap(), "--basis", "activity"]);
        assert_eq!(code, 1, "{body}");
        assert!(stderr.contains(expected), "{body}: expected `{expected}` in\n{stderr}");
    }
    assert_eq!(snapshot(&w), before);
}

/// Issue 17, 5: a lone CR is a line ending (it shifted rows: Antalya stored as 8 and İstanbul's
/// row lost), and CR-only files (Excel's "CSV (Macintosh)") load.
#[test]
fn every_line_ending_ends_a_line() {
    let w = Workdir::new();
    let mixed = w.write("mixed.csv", "il;yıl;ay;değer\r\n16;2019;1;6\r34;2019;1;8\r\n7;2019;1;9\n");
    w.run(&["load", mixed.to_str().unwrap(), "--basis", "activity"]);
    let rows = w.csv(&["sql", "SELECT province_code, value_usd FROM exports WHERE load_id IS NOT NULL ORDER BY 1"]);
    assert_eq!(rows[1..], [["7", "9.00"], ["16", "6.00"], ["34", "8.00"]]);
    let mac = w.write("mac.csv", "il;yıl;ay;değer\r16;2019;2;6\r34;2019;2;x\r");
    let (_, stderr) = w.fail(&["load", mac.to_str().unwrap(), "--basis", "activity"]);
    // Its lines are numbered as an editor shows them.
    assert!(stderr.contains("mac.csv:3: column \"değer\": `x`: not a number"), "{stderr}");
}

#[test]
fn only_regular_files_are_loaded() {
    let w = Workdir::new();
    let (code, stderr) = w.fail(&["load", "/dev/zero", "--input-format", "csv", "--basis", "activity"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("/dev/zero: not a regular file"), "{stderr}");
}

/// Issue 17, 15: a long cell is cut in the message, and a key repeated many times lists its
/// first lines and counts the rest.
#[test]
fn messages_stay_short_however_large_the_problem() {
    let w = Workdir::new();
    let long = w.write("long.csv", format!("province,year,month,value_usd\nBursa,2019,1,{}\n", "x".repeat(100_000)));
    let (_, stderr) = w.fail(&["load", long.to_str().unwrap(), "--basis", "activity"]);
    assert!(stderr.contains("… (100000 characters)`"), "{}", &stderr[..stderr.len().min(400)]);
    assert!(stderr.len() < 2_000, "{} bytes of messages", stderr.len());
    let dup = w.write("dup.csv", format!("province,year,month,value_usd\n{}", "Bursa,2019,1,5\n".repeat(30)));
    let (_, stderr) = w.fail(&["load", dup.to_str().unwrap(), "--basis", "activity"]);
    assert!(stderr.contains("appears 30 times for 2019-01 (lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 20 more)"), "{stderr}");
}

#[test]
fn a_file_that_is_not_a_table_says_what_it_is_and_quoted_line_breaks_load() {
    let w = Workdir::new();
    let mut sqlite = b"SQLite format 3\0".to_vec();
    sqlite.extend(vec![0u8; 4096]);
    let path = w.write("exports.csv", &sqlite);
    let (code, stderr) = w.fail(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("exports.csv: this is not a text table (it is a SQLite database"), "{stderr}");
    let mut parquet = b"PAR1".to_vec();
    parquet.extend(vec![0u8; 64]);
    let path = w.write("data.csv", &parquet);
    let (_, stderr) = w.fail(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    assert!(stderr.contains("it is a Parquet file: add --input-format parquet"), "{stderr}");
    // A header cell and a name cell with a line break inside their quotes (Excel writes these),
    // and a short row: DuckDB's parallel reader refuses that mix, so the file is read again on one
    // thread. The line break in "Bur\nsa" folds like a space; Düzce's missing value stays missing.
    let path = w.write("quoted.csv", "il,\"yıl\",ay,\"ihracat\n(usd)\"\n\"Bur\nsa\",2025,1,5\nKocaeli,2025,1,7\nDüzce,2025,1\n");
    let out = w.stdout(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    assert!(out.contains("2 rows, 2 provinces, 2025-01"), "{out}");
    assert_eq!(value(&w, 16, 2025, 1, "activity")[1], vec!["5.00", "true"]);
    assert_eq!(value(&w, 81, 2025, 1, "activity").len(), 1, "no row for Düzce");
    assert_eq!(value(&w, 41, 2025, 1, "activity")[1], vec!["7.00", "true"]);
}

/// The loaded values of 2021 (a year the bundled data has no activity figure for), by plate code.
fn values_2021(w: &Workdir) -> Vec<(String, String)> {
    w.csv(&["sql", "SELECT province_code, value_usd FROM exports WHERE year = 2021 AND basis = 'activity' ORDER BY province_code, month"])[1..]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect()
}

/// Issue 17, item 6: a number style is decided per column from all of its cells. `340,732` and
/// `2,179` can be read two ways, and beside an English `66,414.13` they are English thousands
/// (they were read as Turkish decimals, 340.73, or the file refused as mixed).
#[test]
fn english_thousands_beside_english_decimals_are_thousands() {
    let w = Workdir::new();
    let path = w.write("en.csv", "il,yil,ay,deger_usd\nİstanbul,2021,1,\"340,732\"\nAnkara,2021,1,\"2,179\"\nİzmir,2021,1,\"66,414.13\"\n");
    w.run(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(values_2021(&w), [("6".into(), "2179.00".into()), ("34".into(), "340732.00".into()), ("35".into(), "66414.13".into())]);
}

/// Beside Turkish cells the same one-group cells are Turkish thousands too, and a wide table's
/// month whose cells show no style takes the style of the file's other months.
#[test]
fn a_column_that_shows_no_style_takes_the_files() {
    let w = Workdir::new();
    let path = w.write("tr.csv", "İL,OCAK 2021 (1000 $),ŞUBAT 2021 (1000 $)\nİSTANBUL,\"1.234,5\",\"340,732\"\nANKARA,\"2.179\",\"12,25\"\n");
    w.run(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    // In thousands: 1.234,5 → 1,234,500; 340,732 (Turkish, as its file) → 340,732; 2.179 → 2,179,000.
    assert_eq!(values_2021(&w), [("6".into(), "2179000.00".into()), ("6".into(), "12250.00".into()), ("34".into(), "1234500.00".into()), ("34".into(), "340732.00".into())]);
}

/// In a table of thousands, `340,732` alone is 340.732 thousand dollars in Turkish and 340,732
/// thousand in English: refused with the cell, never guessed, until --numbers says which.
#[test]
fn an_ambiguous_column_of_thousands_is_refused_until_the_style_is_given() {
    let w = Workdir::new();
    let path = w.write("amb.csv", "il,yil,ay,deger (bin $)\nİstanbul,2021,1,\"340,732\"\nAnkara,2021,1,\"1.500\"\n");
    let before = snapshot(&w);
    let (code, stderr) = w.fail(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("amb.csv:2: column \"deger (bin $)\": `340,732` is 340.732 thousand dollars in Turkish and 340732 thousand dollars in English, and no cell of the file shows which it is: give --numbers tr or --numbers en"),
        "{stderr}"
    );
    assert_eq!(snapshot(&w), before, "nothing changed");
    w.run(&["load", path.to_str().unwrap(), "--basis", "activity", "--numbers", "tr"]);
    assert_eq!(values_2021(&w), [("6".into(), "1500000.00".into()), ("34".into(), "340732.00".into())]);
    w.run(&["load", path.to_str().unwrap(), "--basis", "activity", "--numbers", "en", "--replace"]);
    // In English 1.500 is one and a half thousand.
    assert_eq!(values_2021(&w), [("6".into(), "1500.00".into()), ("34".into(), "340732000.00".into())]);
}

/// Issue 17, item 10: a Windows-1254 file whose first 64 KiB are plain ASCII (an English export
/// whose first Turkish letter comes late) is read as Windows-1254, not refused as broken UTF-8.
#[test]
fn windows_1254_is_recognised_past_the_first_64_kib() {
    let w = Workdir::new();
    let mut bytes = b"province,year,month,value_usd\n".to_vec();
    for province in ["Adana", "Ankara", "Bursa", "Konya", "Mersin", "Kocaeli"] {
        for year in 1990..=2100 {
            for month in 1..=12 {
                bytes.extend_from_slice(format!("{province},{year},{month},1000\n").as_bytes());
            }
        }
    }
    assert!(bytes.len() > 1 << 17);
    // "Şırnak" in Windows-1254: Ş is 0xDE, ı is 0xFD.
    bytes.extend_from_slice(b"\xDE\xFDrnak,2021,5,4321\n");
    let path = w.write("late.csv", bytes);
    let out = w.stdout(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    assert!(out.contains("7 provinces"), "{out}");
    assert_eq!(value(&w, 73, 2021, 5, "activity")[1], ["4321.00", "true"]);
}

/// The quantity column of a detail table is read in its own style too: `1,234` kg beside English
/// values is 1,234 kg (it was 1.234), and alone, where nothing shows the style, it is refused
/// until --numbers says which (a quantity may have three decimals).
#[test]
fn quantities_are_read_in_their_style() {
    let quantities = |w: &Workdir| w.csv(&["sql", "SELECT quantity FROM detail WHERE load_id IS NOT NULL ORDER BY country_code"])[1..].iter().map(|r| r[0].clone()).collect::<Vec<_>>();
    let w = Workdir::new();
    let path = w.write("en.csv", "il,yıl,ay,ülke,fasıl,değer,miktar\nBursa,2021,1,DE,87,\"66,414.13\",\"1,234\"\nBursa,2021,1,FR,87,1000,\"2,500.5\"\n");
    w.run(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(quantities(&w), ["1234.000", "2500.500"]);

    let w = Workdir::new();
    let path = w.write("tr.csv", "il;yıl;ay;ülke;fasıl;değer;miktar\nBursa;2021;1;DE;87;1.000;1.234,5\n");
    w.run(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(quantities(&w), ["1234.500"]);

    let w = Workdir::new();
    let path = w.write("amb.csv", "il,yıl,ay,ülke,fasıl,değer,miktar\nBursa,2021,1,DE,87,1000,\"1,234\"\n");
    let (_, stderr) = w.fail(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    assert!(stderr.contains("amb.csv:2: column \"quantity\": `1,234` is 1.234 in Turkish and 1234 in English"), "{stderr}");
    w.run(&["load", path.to_str().unwrap(), "--basis", "activity", "--numbers", "tr"]);
    assert_eq!(quantities(&w), ["1.234"]);
}

#[test]
fn a_decimal_comma_in_a_comma_separated_file_is_refused_where_it_splits_a_line() {
    // `1.234,5` unquoted in a comma-separated file is two cells: the first alone would be read as
    // 1.23 dollars (the file's other numbers are English), and the 5 would be dropped.
    let w = Workdir::new();
    let csv = "il,yıl,ay,ülke,fasıl,değer\nBursa,2024,3,DE,87,1500.25\nBursa,2024,3,FR,87,1.234,5\nBursa,2024,3,US,87,7,\n";
    let file = w.write("split.csv", csv);
    let (code, stderr) = w.fail(&["load", file.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("split.csv:3: column 7: `5`: a cell beyond the header's 6 columns"), "{stderr}");
    // An empty cell there (a trailing comma, line 4) is no problem and is not reported.
    assert!(!stderr.contains("split.csv:4"), "{stderr}");
    assert_eq!(w.csv(&["sql", "SELECT count(*) FROM detail WHERE load_id IS NOT NULL"])[1], ["0"]);
    // Quoted, the same number is 1,234.5 dollars.
    let quoted = w.write("quoted.csv", "il,yıl,ay,ülke,fasıl,değer\nBursa,2024,3,FR,87,\"1.234,5\"\n");
    w.run(&["load", quoted.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(w.csv(&["sql", "SELECT value_usd FROM detail WHERE load_id IS NOT NULL"])[1], ["1234.50"]);
}

/// A cell that is no number in its column's style is refused with its place, never read as
/// another number (issue 31: `1.234,56` beside English numbers was stored as 123.00, `12,34,56`
/// as 123456, `1,5,` as 15, `0,0,0` as 0).
#[test]
fn malformed_numbers_are_refused_with_their_place_not_read_as_other_numbers() {
    let w = Workdir::new();
    let before = snapshot(&w);
    let file = w.write(
        "malformed.csv",
        "il,yıl,ay,değer (usd)\nAdana,2025,1,\"1,234.50\"\nİzmir,2025,1,1.2.3\nBursa,2025,1,5..\nKonya,2025,1,\"12,34,56\"\nKayseri,2025,1,\"1,5,\"\nSivas,2025,1,\"0,0,0\"\nMersin,2025,1,\"2,500,000.75\"\n",
    );
    let (code, stderr) = w.fail(&["load", file.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(code, 1);
    for (line, text) in [(3, "1.2.3"), (4, "5.."), (5, "12,34,56"), (6, "1,5,"), (7, "0,0,0")] {
        assert!(stderr.contains(&format!("malformed.csv:{line}: column \"değer (usd)\": `{text}`: not a number as the column writes them")), "line {line} `{text}` in:\n{stderr}");
    }
    assert!(!stderr.contains("malformed.csv:2:") && !stderr.contains("malformed.csv:8:"), "the well-formed lines are not named:\n{stderr}");
    assert_eq!(snapshot(&w), before);
    // A Turkish number among English ones is refused as a mix of styles, with both places.
    let mixed = w.write("mixed.csv", "il,yıl,ay,değer (usd)\nAdana,2025,1,\"1,234.50\"\nAnkara,2025,1,\"1.234,56\"\n");
    let (_, stderr) = w.fail(&["load", mixed.to_str().unwrap(), "--basis", "activity"]);
    assert!(stderr.contains("mixed.csv:3: column \"değer (usd)\": `1.234,56` is a Turkish number"), "{stderr}");
    assert_eq!(snapshot(&w), before);
    // The well-formed ones alone load, to the cent.
    let good = w.write("good.csv", "il,yıl,ay,değer (usd)\nAdana,2025,1,\"1,234.50\"\nMersin,2025,1,\"2,500,000.75\"\n");
    w.run(&["load", good.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(value(&w, 1, 2025, 1, "activity")[1][0], "1234.50");
    assert_eq!(value(&w, 33, 2025, 1, "activity")[1][0], "2500000.75");
}

/// A negative quantity and the reserved HS chapter 77 are refused with their place (issue 31).
#[test]
fn a_negative_quantity_and_the_reserved_chapter_are_refused() {
    let w = Workdir::new();
    let before = snapshot(&w);
    let file = w.write(
        "detail.csv",
        "il,yıl,ay,ülke,fasıl,değer (usd),miktar,birim\nKocaeli,2025,7,Almanya,87,351158000,-1200,adet\nBursa,2025,7,Almanya,77,5000,,\nİzmir,2025,7,İspanya,27,136954000,10,ton\n",
    );
    let (code, stderr) = w.fail(&["load", file.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("detail.csv:2: column \"miktar\": `-1200`: a negative quantity"), "{stderr}");
    assert!(stderr.contains("detail.csv:3: column \"fasıl\": `77`: unknown product"), "{stderr}");
    assert!(!stderr.contains("detail.csv:4:"), "{stderr}");
    assert_eq!(snapshot(&w), before);
}

/// Month headings without a year (`OCAK`, `ŞUBAT`, a span `OCAK-MART`) take the one year the
/// title line states, or `--year`; with none or several, the load says so and names --year
/// (issue 32: it was "cannot tell the layout"). The values are the fixture's, in thousands.
#[test]
fn month_headings_take_their_year_from_the_title_or_from_year() {
    let w = Workdir::new();
    let out = w.stdout(&["load", &fixture("title_year.xlsx"), "--basis", "activity"]);
    assert!(out.contains("2 provinces, 2025-01, 2025-02, 2025-03; basis activity, unit thousand-usd, wide layout"), "{out}");
    let rows = w.csv(&["sql", "SELECT province_code, year, month, value_usd FROM exports WHERE load_id = 1 ORDER BY ALL"]);
    assert_eq!(
        rows[1..],
        [
            ["16", "2025", "1", "1000000.00"],
            ["16", "2025", "2", "2000000.00"],
            ["16", "2025", "3", "3000000.00"],
            ["42", "2025", "1", "400000.00"],
            ["42", "2025", "2", "500000.00"],
            ["42", "2025", "3", "600000.00"],
        ]
    );

    let untitled = w.write("untitled.csv", "İL;OCAK;ŞUBAT\nBursa;1.000;2.000\n");
    let (code, stderr) = w.fail(&["load", untitled.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("line 1: column \"OCAK\" names a month but not its year, and the lines above the header state no year: give it with --year YYYY"), "{stderr}");
    let two_years = w.write("two_years.csv", "2024 ve 2025 karşılaştırması\nİL;OCAK;ŞUBAT\nBursa;1.000;2.000\n");
    let (_, stderr) = w.fail(&["load", two_years.to_str().unwrap(), "--basis", "activity"]);
    assert!(stderr.contains("state several years (2024, 2025): give it with --year YYYY"), "{stderr}");
    w.run(&["load", untitled.to_str().unwrap(), "--basis", "activity", "--year", "2023"]);
    assert_eq!(w.csv(&["sql", "SELECT year, month, value_usd FROM exports WHERE province_code = 16 AND year = 2023 AND load_id = 2 ORDER BY month"])[1..], [["2023", "1", "1000.00"], ["2023", "2", "2000.00"]]);
}

/// Problems come in the file's order, line by line and left to right, not sorted by month name
/// (AĞUSTOS, EKİM, EYLÜL …); a misspelt province that makes the total row disagree in every
/// month is reported once, with the total's disagreement as its consequence (issue 32).
#[test]
fn problems_come_in_the_files_order_and_a_total_row_consequence_once() {
    let w = Workdir::new();
    let file = w.write(
        "ord.csv",
        "2025 YILI\nİL;OCAK;ŞUBAT;MART;NİSAN;MAYIS;HAZİRAN;TEMMUZ;AĞUSTOS;EYLÜL;EKİM\nBursa;1;2;3;4;5;6;7;8;yok;x\nBursaa;1;2;3;4;5;6;7;8;9;10\nKonya;1;2;3;4;5;6;7;8;9;10\nTOPLAM;3;6;9;12;15;18;21;24;27;30\n",
    );
    let (code, stderr) = w.fail(&["load", file.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("  ")).map(|l| l.trim()).collect();
    let name = file.display().to_string();
    assert_eq!(lines.len(), 4, "{stderr}");
    assert!(lines[0].starts_with(&format!("{name}:3: column \"EYLÜL\": `yok`")), "{stderr}");
    assert!(lines[1].starts_with(&format!("{name}:3: column \"EKİM\": `x`")), "{stderr}");
    assert!(lines[2].starts_with(&format!("{name}:4: column \"İL\": `Bursaa`: unknown province")), "{stderr}");
    assert_eq!(
        lines[3],
        format!("{name}:6: the total row disagrees with the provinces in 9 columns (ŞUBAT, MART, NİSAN, MAYIS, HAZİRAN, TEMMUZ, AĞUSTOS, EYLÜL, EKİM), as the cells refused above (lines 3, 4) would make it: correct those first")
    );
}
