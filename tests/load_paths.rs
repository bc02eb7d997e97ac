//! The two ways a detail table is read: directly by DuckDB (a clean file), and staged with a
//! number for every line (any file, and every file the direct read gives way on). Whatever way
//! a file takes, the database ends the same and the user reads the same words: each file here
//! is loaded twice, once with IHRACAT_LOAD_WAY=direct (the way a file of a megabyte or more
//! takes; these are smaller) and once with IHRACAT_LOAD_WAY=staged, and the two databases and
//! messages are compared.

mod common;

use common::Workdir;

/// Everything a load leaves behind, in a stable order, without the load times.
fn state(w: &Workdir) -> String {
    [
        "SELECT * EXCLUDE (loaded_at) FROM detail ORDER BY ALL",
        "SELECT * EXCLUDE (loaded_at) FROM replaced_detail ORDER BY ALL",
        "SELECT * EXCLUDE (loaded_at) FROM loads ORDER BY load_id",
    ]
    .iter()
    .map(|sql| w.stdout(&["sql", sql]))
    .collect::<Vec<_>>()
    .join("\n")
}

/// The outcome of `ihracat load ARGS`: exit code, stdout, what it said on stderr, and whether
/// it read the file directly (its trace says so).
fn load(w: &Workdir, args: &[&str], staged_only: bool) -> (Option<i32>, String, String, bool) {
    let mut command = w.command(&[&["load"], args].concat());
    command.env("IHRACAT_TIMINGS", "1");
    command.env("IHRACAT_LOAD_WAY", if staged_only { "staged" } else { "direct" });
    let output = command.output().expect("ihracat runs");
    let stderr = common::text(&output.stderr);
    // The timings differ from run to run; what the load says does not.
    let said = stderr.lines().filter(|l| !l.starts_with("ihracat: timing:")).collect::<Vec<_>>().join("\n");
    let said = said.replace(&w.dir.path().display().to_string(), "WORK");
    let direct = stderr.contains("ihracat: timing: direct read:") && !stderr.contains("gives way");
    (output.status.code(), common::text(&output.stdout), said, direct)
}

/// Loads `steps` (each a list of arguments, files relative to the work directory) into two
/// fresh databases, the usual way and the staged way only; both must end alike, having said
/// the same. Returns whether the usual way read each step directly.
fn compare(files: &[(&str, &[u8])], steps: &[&[&str]]) -> Vec<bool> {
    let (usual, staged) = (Workdir::new(), Workdir::new());
    let mut direct = Vec::new();
    for w in [&usual, &staged] {
        for (name, contents) in files {
            w.write(name, contents);
        }
    }
    for step in steps {
        let (code, out, err, read_directly) = load(&usual, step, false);
        let (staged_code, staged_out, staged_err, _) = load(&staged, step, true);
        assert_eq!((code, &out), (staged_code, &staged_out), "load {step:?}: the usual way said\n{err}\nthe staged way said\n{staged_err}");
        assert_eq!(err, staged_err, "load {step:?}: messages differ");
        direct.push(read_directly);
    }
    assert_eq!(state(&usual), state(&staged), "the databases differ after {steps:?}");
    direct
}

#[test]
fn a_clean_detail_csv_is_read_directly_and_stores_what_the_staged_way_stores() {
    // Names in any case, Turkish month names, chapter names and HS codes, quantities with a unit,
    // a blank cell for "all products", cents, CRLF line endings.
    let csv = "il;yıl;ay;ülke;fasıl;değer (usd);miktar;birim\r\n\
               KOCAELİ;2025;Temmuz;Almanya;87;351158000;1200;adet\r\n\
               Kocaeli;2025;7;ABD;870321;1000.5;12.5;kg\r\n\
               İstanbul;2025;7;B.A.E.;Fasıl 71;960912000.25;;\r\n\
               izmir;2025;07;İspanya;;136954000.1200;;\r\n\
               34;2025;8;DE;84;5;7;ton\r\n";
    let direct = compare(&[("detail.csv", csv.as_bytes())], &[&["detail.csv", "--basis", "activity"]]);
    assert_eq!(direct, [true], "a clean file is read directly");
}

/// A quantity finer than a thousandth would be rounded into the table's three decimals: the load
/// is refused with its place and value, whatever way it takes; trailing zeros are not finer.
#[test]
fn a_quantity_finer_than_a_thousandth_is_refused_both_ways_alike() {
    let csv = "il;yıl;ay;ülke;fasıl;değer (usd);miktar;birim\n\
               Kocaeli;2025;7;Almanya;87;351158000;12.5000;ton\n\
               Kocaeli;2025;7;ABD;87;1000;0.0004;ton\n";
    let direct = compare(&[("detail.csv", csv.as_bytes())], &[&["detail.csv", "--basis", "activity"]]);
    assert_eq!(direct, [false], "the direct read gives way");
    let w = Workdir::new();
    w.write("detail.csv", csv.as_bytes());
    let (code, stderr) = w.fail(&["load", "detail.csv", "--basis", "activity"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("detail.csv:3: column \"miktar\": `0.0004`: finer than a thousandth"), "{stderr}");
    assert!(!stderr.contains("detail.csv:2:"), "12.5000 is 12.5: {stderr}");
    let count = w.stdout(&["sql", "SELECT count(*) AS n FROM detail WHERE load_id IS NOT NULL", "--format", "csv"]);
    assert_eq!(count, "n\n0\n", "nothing was loaded");
}

#[test]
fn a_period_column_a_basis_column_and_thousands_read_directly_alike() {
    let csv = "Province,Period,Basis,Country,Chapter,Exports (thousand USD)\n\
               Bursa,2024-03,faaliyet,Fransa,87,1234.5\n\
               Bursa,2024/04,registered,FR,87,2\n\
               Ankara,2024.12,Faaliyet İli,US,,77.0001\n";
    let direct = compare(&[("p.csv", csv.as_bytes())], &[&["p.csv", "--unit", "thousand-usd"]]);
    assert_eq!(direct, [true]);
}

#[test]
fn title_lines_of_other_widths_above_the_header_are_read_directly_alike() {
    let csv = "İl bazında ihracat, ülke ve fasıl, 2024,,,,,,,,\n\nKaynak: örnek\nil,yıl,ay,ülke,fasıl,değer\nBursa,2024,3,DE,87,5\nBursa,2024,3,FR,87,6.5\n";
    let direct = compare(&[("titled.csv", csv.as_bytes())], &[&["titled.csv", "--basis", "activity"]]);
    assert_eq!(direct, [true]);
}

#[test]
fn a_trailing_delimiter_on_every_line_is_read_directly_alike() {
    let csv = "il;yıl;ay;ülke;fasıl;değer\nBursa;2024;3;DE;87;5;\nBursa;2024;3;FR;87;6,5;\n";
    let direct = compare(&[("trailing.csv", csv.as_bytes())], &[&["trailing.csv", "--basis", "activity"]]);
    assert_eq!(direct, [false], "6,5 is a Turkish number: the staged way reads it");
    let csv = "il;yıl;ay;ülke;fasıl;değer\nBursa;2024;3;DE;87;5;\nBursa;2024;3;FR;87;6.5;\n";
    let direct = compare(&[("trailing.csv", csv.as_bytes())], &[&["trailing.csv", "--basis", "activity"]]);
    assert_eq!(direct, [true]);
}

#[test]
fn typed_parquet_columns_are_read_as_numbers_both_ways() {
    let w = Workdir::new();
    let parquet = w.path("typed.parquet");
    // Plate codes as integers, a double that prints as 0.30000000000000004, a value with three
    // decimals (which as text could be thousands), a quantity as a decimal; in thousands of
    // dollars, so that three decimals are whole dollars.
    w.run(&[
        "export",
        "--sql",
        "SELECT * FROM (VALUES (34, 2023, 5, 'DE', '87', 0.1::DOUBLE + 0.2::DOUBLE, 1.5::DECIMAL(18, 3)),
                               (6, 2023, 5, 'US', '84', 1234.567::DOUBLE, NULL),
                               (35, 2023, 6, 'FR', '8703', 99.999::DOUBLE, 12.3450::DECIMAL(18, 4)))
                 t(plaka, yil, ay, ulke, fasil, deger_usd, miktar)",
        "--to",
        parquet.to_str().unwrap(),
    ]);
    let bytes = std::fs::read(&parquet).unwrap();
    let direct = compare(&[("typed.parquet", &bytes)], &[&["typed.parquet", "--basis", "activity", "--unit", "thousand-usd"]]);
    assert_eq!(direct, [true]);
    let usual = Workdir::new();
    usual.write("typed.parquet", &bytes);
    usual.run(&["load", "typed.parquet", "--basis", "activity", "--unit", "thousand-usd"]);
    let values = usual.csv(&["sql", "SELECT value_usd, quantity FROM detail WHERE load_id = 1 ORDER BY province_code"]);
    assert_eq!(values[1..], [vec!["1234567.00", ""], vec!["300.00", "1.500"], vec!["99999.00", "12.345"]]);
    // A typed quantity finer than a thousandth is refused, as its text would be.
    let finer = w.path("finer.parquet");
    w.run(&["export", "--sql", "SELECT 34 AS plaka, 2023 AS yil, 5 AS ay, 'DE' AS ulke, '87' AS fasil, 1.0::DOUBLE AS deger_usd, 12.3456::DECIMAL(18, 4) AS miktar", "--to", finer.to_str().unwrap()]);
    let bytes = std::fs::read(&finer).unwrap();
    let direct = compare(&[("finer.parquet", &bytes)], &[&["finer.parquet", "--basis", "activity"]]);
    assert_eq!(direct, [false], "the direct read gives way");
    let (code, stderr) = usual.fail(&["load", &finer.to_string_lossy(), "--basis", "activity"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("finer.parquet row 1: column \"miktar\": `12.3456`: finer than a thousandth"), "{stderr}");
}

#[test]
fn rows_that_replace_bundled_release_figures_are_kept_for_unload_alike() {
    // Kocaeli's January 2026 release figures include Germany over all products and chapter 85
    // over all countries (tests/fixtures/releases/detail_figures.csv).
    let csv = "il,yıl,ay,ülke,fasıl,değer\nKocaeli,2026,1,Almanya,,236000000\nKocaeli,2026,1,,85,269000000\nKocaeli,2026,1,Almanya,87,1000\n";
    let direct = compare(&[("k.csv", csv.as_bytes())], &[&["k.csv", "--basis", "activity"]]);
    assert_eq!(direct, [true]);
    let w = Workdir::new();
    w.write("k.csv", csv);
    let out = w.stdout(&["load", "k.csv", "--basis", "activity"]);
    assert!(out.contains("1 added, 2 replaced bundled rows"), "{out}");
    w.run(&["unload", "1"]);
    let back = w.csv(&["sql", "SELECT count(*) FROM detail WHERE province_code = 41 AND year = 2026 AND month = 1 AND load_id IS NULL AND (country_code = 'DE' AND product_code = 'ALL' OR country_code = 'ALL' AND product_code = '85')"]);
    assert_eq!(back[1], ["2"]);
}

#[test]
fn files_the_direct_read_gives_way_on_end_as_the_staged_way_ends_them() {
    let header = "il,yıl,ay,ülke,fasıl,değer\n";
    let cases: &[(&str, &str)] = &[
        ("duplicate", "Bursa,2024,3,DE,87,5\nBursa,2024,3,Almanya,87,6\n"),
        ("unknown country", "Bursa,2024,3,Atlantis,87,5\n"),
        ("unknown province", "Bursaa,2024,3,DE,87,5\n"),
        ("turkish numbers", "Bursa,2024,3,DE,87,\"1.234.567,89\"\nBursa,2024,3,FR,87,\"2,5\"\n"),
        ("three decimals", "Bursa,2024,3,DE,87,1.234\n"),
        ("finer than a cent", "Bursa,2024,3,DE,87,1234.5678\n"),
        ("negative", "Bursa,2024,3,DE,87,-5\n"),
        ("a word", "Bursa,2024,3,DE,87,yok\n"),
        ("missing value", "Bursa,2024,3,DE,87,\nBursa,2024,3,FR,87,4\n"),
        ("total row", "Bursa,2024,3,DE,87,5\nToplam,2024,3,DE,87,5\n"),
        ("month 13", "Bursa,2024,13,DE,87,5\n"),
        ("year as a decimal", "Bursa,2024.5,3,DE,87,5\n"),
        ("a short line", "Bursa,2024,3,DE,87,5\nBursa,2024,3\n"),
        ("a decimal comma unquoted", "Bursa,2024,3,DE,87,5\nBursa,2024,3,FR,87,1.234,5\n"),

        ("a quoted line break", "\"Bur\nsa\",2024,3,DE,87,5\n"),
        ("a NUL byte", "Bursa,2024,3,DE,87,5\nBursa,2024,3,FR,87,5\0\n"),
        ("cut short", "Bursa,2024,3,DE,87,5\nBursa,2024,3,FR"),
        ("no rows", ""),
        ("spaces around a value", "Bursa,2024,3,DE,87, 5 \n"),
        ("dollar sign", "Bursa,2024,3,DE,87,$5\n"),
        ("too large", "Bursa,2024,3,DE,87,99999999999999999\n"),
    ];
    // Past the first 50 lines, which the header is read from, a line with a cell too many.
    let countries = ["DE", "FR", "US", "IT", "ES", "NL", "GB", "BE", "AT", "CH"];
    let many: String = (0..60).map(|i| format!("Bursa,2024,3,{},{:02},5\n", countries[i % 10], 1 + i / 10)).collect();
    let long_line = format!("{many}Bursa,2024,4,DE,87,5,extra\n");
    // Past the head, a quote inside a name that never closes: DuckDB's reader took `Bur"sa` for
    // Bursa and stored the row, while the staged way refuses it (issue 31).
    let stray_quote = format!("{many}Bur\"sa,2024,4,NL,87,5.00\n");
    let cases = [cases, &[("a long line below the head", long_line.as_str()), ("a stray quote below the head", stray_quote.as_str())]].concat();
    for (what, rows) in &cases {
        let file = format!("{}.csv", what.replace(' ', "_"));
        let contents = format!("{header}{rows}");
        let direct = compare(&[(&file, contents.as_bytes())], &[&[&file, "--basis", "activity"]]);
        assert_eq!(direct, [false], "{what}: not for the direct read");
    }
    // Windows-1254 text: the head is not UTF-8.
    let mut latin = b"il,yil,ay,ulke,fasil,deger\n".to_vec();
    latin.extend(b"\xddstanbul,2024,3,DE,87,5\n");
    assert_eq!(compare(&[("w.csv", &latin)], &[&["w.csv", "--basis", "activity"]]), [false]);
}

#[test]
fn reloads_conflicts_replacements_and_dry_runs_end_alike() {
    let v1 = "il,yıl,ay,ülke,fasıl,değer\nBursa,2024,3,DE,87,5\nBursa,2024,3,FR,87,6\n";
    let v2 = "il,yıl,ay,ülke,fasıl,değer\nBursa,2024,3,DE,87,7\nBursa,2024,3,FR,87,6\nBursa,2024,4,FR,87,1\n";
    let files: &[(&str, &[u8])] = &[("v1.csv", v1.as_bytes()), ("v2.csv", v2.as_bytes())];
    let direct = compare(
        files,
        &[
            &["v2.csv", "--basis", "activity", "--dry-run"],
            &["v1.csv", "--basis", "activity"],
            &["v1.csv", "--basis", "activity"],
            &["v2.csv", "--basis", "activity"],
            &["v2.csv", "--basis", "activity", "--replace"],
        ],
    );
    // The dry run and the first load are direct; the same file again changes nothing, and the
    // rest meet an earlier load's rows.
    assert_eq!(direct, [true, true, false, false, false]);
}

#[test]
fn a_bad_value_on_line_1999999_of_a_large_file_is_named_after_a_clean_load_of_it() {
    let w = Workdir::new();
    let data = w.path("data");
    w.run(&["generate", "--rows", "2000000", "--seed", "3", "--to", data.to_str().unwrap(), "--format", "csv"]);
    let clean = data.join("synthetic-detail-2000000-seed3.csv");
    let text = std::fs::read_to_string(&clean).unwrap();
    // Line 1 is the title, line 2 the header; 2,000,000 rows end on line 2,000,002.
    let mut lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2_000_002);
    let (prefix, _) = lines[1_999_998].rsplit_once(',').unwrap();
    let broken_line = format!("{prefix},12abc");
    lines[1_999_998] = &broken_line;
    let broken = w.write("broken.csv", lines.join("\n") + "\n");

    let mut command = w.command(&["load", clean.to_str().unwrap(), "--basis", "activity", "--complete"]);
    let output = command.env("IHRACAT_TIMINGS", "1").output().unwrap();
    let stderr = common::text(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(common::text(&output.stdout).contains("2000000 rows"), "{}", common::text(&output.stdout));
    assert!(stderr.contains("timing: direct read") && !stderr.contains("gives way"), "the clean file is read directly:\n{stderr}");

    let other = Workdir::new();
    let (code, stderr) = other.fail(&["load", broken.to_str().unwrap(), "--basis", "activity", "--complete"]);
    assert_eq!(code, 1);
    let place = format!("{}:1999999: column \"deger_usd\": `12abc`: not a number of US dollars", broken.display());
    assert!(stderr.contains(&place), "{stderr}");
    assert_eq!(other.csv(&["sql", "SELECT count(*) FROM detail WHERE load_id IS NOT NULL"])[1], ["0"], "nothing was stored");
}
