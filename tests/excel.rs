//! Excel workbooks, read back with openpyxl (an independent reader: the project's own calamine
//! does not count), as users take results into Excel (issue 22).

mod common;

use std::process::Command;

use common::{Workdir, parse_csv, tool_available};

/// openpyxl is the independent reader; `.ci/run` installs it and sets IHRACAT_REQUIRE_OPENPYXL.
fn openpyxl() -> bool {
    let present = Command::new("python3").args(["-c", "import openpyxl"]).output().map(|o| o.status.success()).unwrap_or(false);
    tool_available("python3 with openpyxl (pip install openpyxl)", present, "IHRACAT_REQUIRE_OPENPYXL")
}

/// openpyxl's view of a workbook as JSON: each sheet's cells (value and number format), its
/// frozen pane and filter, the header's boldness and the column widths.
fn read(path: &std::path::Path) -> serde_json::Value {
    let script = r#"
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": []}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        rows.append([[c.value.isoformat() if isinstance(c.value, (datetime.date, datetime.datetime)) else c.value, c.number_format, bool(c.font.b)] for c in row])
    out["sheets"].append({"name": ws.title, "rows": rows, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                          "widths": {k: v.width for k, v in ws.column_dimensions.items()}})
print(json.dumps(out))
"#;
    let output = Command::new("python3").arg("-c").arg(script).arg(path).output().expect("python3 runs");
    assert!(output.status.success(), "openpyxl could not read {}: {} (pip install openpyxl)", path.display(), String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// top_provinces's columns as a Turkish reader sees them, written by hand.
const TOP_PROVINCES_TR: [&str; 15] = [
    "Sıra", "İl", "Kod", "Değer ($)", "Pay (%)", "Değişim ($)", "Değişim (%)", "Önceki değer ($)", "Değişimin kaynağı", "Sıranın kaynağı",
    "Verisi olan il", "Payın paydası", "Kaynak türü", "Kaynak", "Önceki değerin kaynağı",
];

#[test]
fn a_result_is_a_workbook_with_numbers_dates_a_frozen_header_and_its_sources() {
    if !openpyxl() {
        return;
    }
    let w = Workdir::new();
    let path = w.path("top.xlsx");
    w.run(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=5", "-o", path.to_str().unwrap(), "--locale", "tr"]);
    let book = read(&path);
    let sheets = book["sheets"].as_array().unwrap();
    assert_eq!(sheets.iter().map(|s| s["name"].as_str().unwrap()).collect::<Vec<_>>(), ["Sonuç", "Kaynak"]);
    let result = &sheets[0];
    let rows = result["rows"].as_array().unwrap();
    let csv = parse_csv(&w.stdout(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=5", "--format", "csv"]));
    assert_eq!(rows.len(), csv.len(), "a header and a row a province");
    for (r, (row, expected)) in rows.iter().zip(&csv).enumerate() {
        for (c, (cell, text)) in row.as_array().unwrap().iter().zip(expected).enumerate() {
            let value = &cell[0];
            if r == 0 {
                assert_eq!(value.as_str().unwrap(), TOP_PROVINCES_TR[c], "the headings are the pages' Turkish ones");
                assert_eq!(cell[2], true, "the header is bold");
            } else if text.is_empty() {
                assert!(value.is_null(), "row {r} column {c}: empty stays empty, never 0");
            } else if let Ok(number) = text.parse::<f64>() {
                assert_eq!(value.as_f64().unwrap_or(f64::NAN), number, "row {r} column {c} is a number");
            } else {
                // A workbook is read by people: codes are in Turkish words, the CSV keeps the code.
                let said = match text.as_str() {
                    "published" => "yayımlandı",
                    "computed" => "hesaplandı",
                    "derived" => "türetildi",
                    "national total derived from published year-to-date totals" => "yayımlanan yılbaşından bu yana toplamlardan türetilen ulusal toplam",
                    other => other,
                };
                assert_eq!(value.as_str().unwrap(), said, "row {r} column {c}");
            }
        }
    }
    // İstanbul's value is a number shown with separators and no cents no release printed
    // (4.859.000.000 in a Turkish Excel); its share, 20.2 %, with its one decimal; the year-like
    // code is not grouped.
    let at = |name: &str| csv[0].iter().position(|h| h == name).unwrap();
    assert_eq!(rows[1][at("value_usd")][0].as_f64(), Some(4_859_000_000.0));
    assert_eq!(rows[1][at("value_usd")][1], "#,##0");
    assert_eq!((rows[1][at("share_pct")][0].as_f64(), rows[1][at("share_pct")][1].as_str()), (Some(20.2), Some("#,##0.0")));
    assert_eq!(rows[1][at("rank")][1], "#,##0");
    assert_eq!(rows[1][at("code")][1], "0");
    assert_eq!(result["freeze"], "A2");
    assert_eq!(result["filter"], "A1:O6");
    assert!(result["widths"]["N"].as_f64().unwrap() > 30.0, "the source column is wide enough to read");
    let about: Vec<(String, String)> = sheets[1]["rows"].as_array().unwrap().iter().map(|r| (r[0][0].as_str().unwrap().to_string(), r[1][0].as_str().unwrap().to_string())).collect();
    for expected in [("Sorgu", "top_provinces"), ("Parametre", "Yıl = 2025 (year=2025)"), ("Parametre", "Ay = 10 (month=10)"), ("Parametre", "Esas = faaliyet ili (basis=activity)"), ("Satır", "5")] {
        assert!(about.iter().any(|(k, v)| k == expected.0 && v == expected.1), "{expected:?} in {about:?}");
    }
    assert!(about.iter().any(|(k, v)| k == "Kaynak" && v == "https://ekiphaber.com/haber/turkiye-de-10-ayda-46-ilin-ihracati-1-milyar-dolar-esigini-asti"));
    // The title and the notice a reader must see, in the workbook's language (the October 2025
    // release named eight provinces).
    assert!(about.iter().any(|(k, v)| k == "Açıklama" && v == "İhracatta illerin sıralaması"), "{about:?}");
    assert!(about.iter().any(|(k, v)| k == "Not" && v.starts_with("2025-10 için 81 ilden 8 ilin verisi var")), "{about:?}");

    // Dates are dates, booleans booleans, lists their text; export writes the same workbook.
    let sql = w.path("types.xlsx");
    w.run(&["sql", "SELECT DATE '2025-10-01' AS d, TIMESTAMP '2025-10-01 12:30:00' AS t, true AS b, [1, 2] AS l", "-o", sql.to_str().unwrap()]);
    let types = read(&sql);
    let cells = &types["sheets"][0]["rows"][1];
    assert_eq!((cells[0][0].as_str(), cells[0][1].as_str()), (Some("2025-10-01T00:00:00"), Some("yyyy-mm-dd")));
    assert_eq!(cells[1][0], "2025-10-01T12:30:00");
    assert_eq!(cells[2][0], true);
    assert_eq!(cells[3][0], "[1, 2]");
    // Turkish words by default, English ones when asked for.
    assert_eq!(types["sheets"][0]["name"], "Sonuç");
    let english = w.path("english.xlsx");
    w.run(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-o", english.to_str().unwrap(), "--locale", "en"]);
    let english = read(&english);
    assert_eq!(english["sheets"][0]["name"], "Result");
    assert_eq!(english["sheets"][1]["name"], "Source");
    assert_eq!(english["sheets"][0]["rows"][0][3][0], "Value ($)");
    let exported = w.path("export.xlsx");
    w.run(&["export", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=5", "--to", exported.to_str().unwrap()]);
    let exported = read(&exported);
    assert_eq!(exported["sheets"][0]["rows"].as_array().unwrap().len(), 6);
    assert_eq!((&exported["sheets"][0]["name"], &exported["sheets"][0]["rows"][0][3][0]), (&"Sonuç".into(), &"Değer ($)".into()));
    // export's workbook in English when asked for, as run's.
    let exported = w.path("export-en.xlsx");
    w.run(&["export", "top_provinces", "-p", "year=2025", "-p", "month=10", "--to", exported.to_str().unwrap(), "--locale", "en"]);
    let exported = read(&exported);
    assert_eq!((&exported["sheets"][0]["name"], &exported["sheets"][0]["rows"][0][3][0]), (&"Result".into(), &"Value ($)".into()));
}

#[test]
fn a_result_larger_than_a_sheet_is_refused_and_nothing_is_left() {
    let w = Workdir::new();
    let path = w.path("big.xlsx");
    let (code, stderr) = w.fail(&["sql", "SELECT range AS i FROM range(1048576)", "-o", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("an Excel sheet holds 1048575 rows and this result has more: write it as Parquet or CSV instead"), "{stderr}");
    assert!(!path.exists());
    assert!(std::fs::read_dir(w.dir.path()).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().contains("big.xlsx")), "no staging file left");
    // A binary format never goes to a terminal, and to a pipe it is the file itself.
    let piped = w.command(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "--format", "xlsx"]).output().unwrap();
    assert!(piped.status.success());
    assert_eq!(&piped.stdout[..2], b"PK", "a zip container");
}

#[test]
fn the_report_is_a_workbook_of_its_tables_with_their_sources() {
    if !openpyxl() {
        return;
    }
    let w = Workdir::new();
    let path = w.path("ekim-2025.xlsx");
    w.run(&["report", "--year", "2025", "--month", "10", "--format", "xlsx", "-o", path.to_str().unwrap()]);
    let book = read(&path);
    let sheets = book["sheets"].as_array().unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s["name"].as_str().unwrap()).collect();
    // The leading provinces' chapters and countries follow, as the October 2025 release gave them.
    assert_eq!(names[..3], ["Ulusal ihracat ve değişimi", "İlk beş il", "En fazla artış"]);
    assert_eq!(names[3..5], ["İstanbul fasıllar", "İstanbul ülkeler"]);
    assert_eq!(names.last(), Some(&"Kaynak"));
    let value = |sheet: usize, row: usize, column: &str| -> serde_json::Value {
        let rows = sheets[sheet]["rows"].as_array().unwrap();
        let at = rows[0].as_array().unwrap().iter().position(|c| c[0] == column).unwrap();
        rows[row][at][0].clone()
    };
    // The figures of the October 2025 release (tests/fixtures/releases).
    assert_eq!((value(0, 1, "Gösterge"), value(0, 1, "Değer").as_f64()), (serde_json::json!("toplam ihracat"), Some(224_600_000_000.0)));
    assert_eq!((value(1, 1, "İl"), value(1, 1, "Değer ($)").as_f64()), (serde_json::json!("İstanbul"), Some(4_859_000_000.0)));
    assert_eq!((value(2, 1, "İl"), value(2, 1, "Değişim ($)").as_f64()), (serde_json::json!("Kocaeli"), Some(191_000_000.0)));
    // A count of provinces is a whole number, a percent has its one decimal (the release: 29
    // provinces over a billion dollars, exports up 3.9 %).
    let national = sheets[0]["rows"].as_array().unwrap();
    let row_of = |metric: &str| national.iter().find(|r| r[0][0] == metric).unwrap();
    assert_eq!((row_of("1 milyar $'ı aşan il sayısı")[1][0].as_f64(), row_of("1 milyar $'ı aşan il sayısı")[1][1].as_str()), (Some(29.0), Some("#,##0")));
    assert_eq!((row_of("toplam ihracattaki değişim (%)")[1][0].as_f64(), row_of("toplam ihracattaki değişim (%)")[1][1].as_str()), (Some(3.9), Some("0.0")));
    assert_eq!(sheets[1]["rows"].as_array().unwrap().len(), 6);
    // İstanbul's first chapter is 71 (precious stones), 793,422 thousand dollars.
    assert_eq!((value(3, 1, "Ürün"), value(3, 1, "Değer ($)").as_f64()), (serde_json::json!("71"), Some(793_422_000.0)));
    assert_eq!((value(4, 1, "Ülke"), value(4, 1, "Değer ($)").as_f64()), (serde_json::json!("DE"), Some(322_050_000.0)));
    let about: Vec<String> = sheets[names.len() - 1]["rows"].as_array().unwrap().iter().map(|r| r[1][0].as_str().unwrap().to_string()).collect();
    assert!(about.contains(&"İl bazında ihracat raporu: Ekim 2025".to_string()), "{about:?}");
    assert!(about.contains(&"https://www.haberler.com/ekonomi/2025-te-turkiye-de-ihracatta-onemli-artislar-kaydedildi-19289325-haberi/".to_string()));
}

/// Pages of a PDF, counted from its page objects (`/Type /Page`, not `/Pages`).
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf).replace("/Type /Page", "/Type/Page");
    text.match_indices("/Type/Page").filter(|(at, m)| !text[at + m.len()..].starts_with('s')).count()
}

/// Printed as a colleague prints them (issue 32): LibreOffice, a real spreadsheet program,
/// converts the workbooks to PDF and the pages are counted. The 82-row province table printed on
/// 9 pages and the small report workbook on 39; now one page wide, with the heading row on every
/// page. `.ci/run` installs LibreOffice and sets IHRACAT_REQUIRE_LIBREOFFICE.
#[test]
fn workbooks_print_on_few_pages_in_libreoffice() {
    let present = Command::new("soffice").arg("--version").output().is_ok_and(|o| o.status.success());
    if !tool_available("LibreOffice (soffice)", present, "IHRACAT_REQUIRE_LIBREOFFICE") {
        return;
    }
    let w = Workdir::new();
    let provinces = w.path("iller.xlsx");
    w.run(&["provinces", "-o", provinces.to_str().unwrap()]);
    let report = w.path("ekim-2025.xlsx");
    w.run(&["report", "--year", "2025", "--month", "10", "--format", "xlsx", "-o", report.to_str().unwrap()]);
    let profile = format!("-env:UserInstallation=file://{}", w.path("lo-profile").display());
    for book in [&provinces, &report] {
        let output = Command::new("soffice")
            .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir", w.dir.path().to_str().unwrap(), book.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    // The province table on at most two pages, its source sheet on one.
    let pages = pdf_pages(&std::fs::read(w.path("iller.pdf")).unwrap());
    assert!((2..=3).contains(&pages), "the province workbook prints on {pages} pages");
    // The report: nine sheets of a few rows each, each on a page (the source sheet perhaps two).
    let pages = pdf_pages(&std::fs::read(w.path("ekim-2025.pdf")).unwrap());
    assert!(pages <= 10, "the report workbook prints on {pages} pages");
}
