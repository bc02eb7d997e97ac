//! Output formats and exports, read back with independent readers (issue 5).

mod common;

use std::fs::File;

use arrow::array::{Array, AsArray};
use arrow::datatypes::{DataType, Decimal128Type, Int32Type};
use common::Workdir;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

/// Types, Turkish letters and every character CSV must quote.
const TRICKY: &str = "SELECT * FROM (VALUES
    (1, 'İSTANBUL, Şişli', 4859000000.50::DECIMAL(18, 2), DATE '2025-10-31', 'say \"merhaba\"'),
    (2, 'Iğdır
ikinci satır', NULL, DATE '2024-02-29', NULL)
) t(id, name, value_usd, day, note) ORDER BY id";

fn tricky_batches(w: &Workdir, file: &str) -> Vec<arrow::array::RecordBatch> {
    let path = w.path(file);
    w.run(&["sql", TRICKY, "-o", path.to_str().unwrap()]);
    if file.ends_with(".parquet") {
        ParquetRecordBatchReaderBuilder::try_new(File::open(&path).unwrap()).unwrap().build().unwrap().map(Result::unwrap).collect()
    } else {
        arrow::ipc::reader::FileReader::try_new(File::open(&path).unwrap(), None).unwrap().map(Result::unwrap).collect()
    }
}

#[test]
fn parquet_and_arrow_keep_types_and_values() {
    let w = Workdir::new();
    for file in ["out.parquet", "out.arrow"] {
        let batches = tricky_batches(&w, file);
        let batch = arrow::compute::concat_batches(&batches[0].schema(), &batches).unwrap();
        let schema = batch.schema();
        assert_eq!(schema.field_with_name("id").unwrap().data_type(), &DataType::Int32, "{file}");
        assert_eq!(schema.field_with_name("name").unwrap().data_type(), &DataType::Utf8, "{file}");
        assert_eq!(schema.field_with_name("value_usd").unwrap().data_type(), &DataType::Decimal128(18, 2), "{file}");
        assert_eq!(schema.field_with_name("day").unwrap().data_type(), &DataType::Date32, "{file}");
        assert_eq!(batch.num_rows(), 2);
        assert_eq!(batch.column(0).as_primitive::<Int32Type>().values(), &[1, 2]);
        let names = batch.column(1).as_string::<i32>();
        assert_eq!(names.value(0), "İSTANBUL, Şişli");
        assert_eq!(names.value(1), "Iğdır\nikinci satır");
        let values = batch.column(2).as_primitive::<Decimal128Type>();
        assert_eq!(values.value(0), 485_900_000_050);
        assert!(values.is_null(1));
        let days = batch.column(3).as_primitive::<arrow::datatypes::Date32Type>();
        assert_eq!(days.value(0), 20392); // 2025-10-31
        assert!(batch.column(4).is_null(1));
    }
}

#[test]
fn csv_follows_rfc_4180() {
    let w = Workdir::new();
    let text = w.stdout(&["sql", TRICKY, "--format", "csv"]);
    assert_eq!(
        text,
        "id,name,value_usd,day,note\n1,\"İSTANBUL, Şişli\",4859000000.50,2025-10-31,\"say \"\"merhaba\"\"\"\n2,\"Iğdır\nikinci satır\",,2024-02-29,\n"
    );
    let rows = common::parse_csv(&text);
    assert_eq!(rows[2][1], "Iğdır\nikinci satır");
}

#[test]
fn tsv_uses_tabs() {
    let w = Workdir::new();
    let text = w.stdout(&["sql", "SELECT 1 AS a, 'b c' AS b", "--format", "tsv"]);
    assert_eq!(text, "a\tb\n1\tb c\n");
}

#[test]
fn json_keeps_numbers_exact_and_letters_intact() {
    let w = Workdir::new();
    let text = w.stdout(&["sql", TRICKY, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rows = value.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["name"], "İSTANBUL, Şişli");
    assert_eq!(rows[0]["note"], "say \"merhaba\"");
    assert_eq!(rows[1]["value_usd"], serde_json::Value::Null);
    assert_eq!(rows[0]["day"], "2025-10-31");
    // The decimal is written as the exact number, not a float or a string.
    assert!(text.contains("\"value_usd\":4859000000.50"), "{text}");
}

#[test]
fn ndjson_is_one_object_a_line() {
    let w = Workdir::new();
    let text = w.stdout(&["sql", "SELECT * FROM range(3) t(i)", "--format", "ndjson"]);
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines, vec![serde_json::json!({"i": 0}), serde_json::json!({"i": 1}), serde_json::json!({"i": 2})]);
}

#[test]
fn the_default_is_csv_when_stdout_is_not_a_terminal() {
    let w = Workdir::new();
    assert_eq!(w.stdout(&["sql", "SELECT 4859 AS value"]), "value\n4859\n");
}

#[test]
fn tables_are_for_people() {
    let w = Workdir::new();
    let text = w.stdout(&["sql", "SELECT 'İstanbul' AS province, 4859000000.50::DECIMAL(18,2) AS value_usd, NULL::INTEGER AS rank", "--format", "table"]);
    assert!(text.contains("4,859,000,000.50"), "{text}");
    assert!(text.contains("NULL"), "{text}");
    assert!(text.contains("(1 row)"), "{text}");
    let turkish = w.stdout(&["sql", "SELECT 4859000000.50::DECIMAL(18,2) AS value_usd", "--format", "table", "--locale", "tr"]);
    assert!(turkish.contains("4.859.000.000,50"), "{turkish}");
    // A moment to the second, as a workbook shows it.
    let moment = w.stdout(&["sql", "SELECT TIMESTAMP '2026-12-06 19:55:35.045815' AS loaded_at", "--format", "markdown"]);
    assert_eq!(moment, "| loaded_at |\n| --- |\n| 2026-12-06 19:55:35 |\n", "{moment}");
    // A missing value is no word to a Turkish reader: the cell is empty, as on the pages.
    let turkish = w.stdout(&["sql", "SELECT 'İstanbul' AS province, NULL::INTEGER AS rank, NULL::BOOLEAN AS complete", "--format", "markdown", "--locale", "tr"]);
    assert_eq!(turkish, "| İl | Sıra | Tam |\n| --- | ---: | --- |\n| İstanbul |  |  |\n", "{turkish}");
    let markdown = w.stdout(&["sql", "SELECT 'a|b' AS t, 1 AS n", "--format", "markdown"]);
    assert_eq!(markdown, "| t | n |\n| --- | ---: |\n| a\\|b | 1 |\n");
}

#[test]
fn long_tables_are_abbreviated_with_a_note() {
    let w = Workdir::new();
    let text = w.stdout(&["sql", "SELECT * FROM range(1000) t(i)", "--format", "table", "--max-rows", "10"]);
    assert!(text.contains("(1,000 rows, 10 shown; --max-rows 0 shows all"), "{text}");
    // The tail is shown: the last row, in its cell.
    assert!(text.contains("│ 999 │"), "{text}");
    assert!(!text.contains(" 500 "), "{text}");
    let all = w.stdout(&["sql", "SELECT * FROM range(100) t(i)", "--format", "table", "--max-rows", "0"]);
    assert!(all.contains("(100 rows)"), "{all}");
}

#[test]
fn output_files_take_their_format_from_the_extension() {
    let w = Workdir::new();
    let path = w.path("top.csv");
    w.run(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=3", "-o", path.to_str().unwrap()]);
    let rows = common::parse_csv(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(common::column(&rows, "province"), vec!["İstanbul", "Kocaeli", "İzmir"]);
    let (_, stderr) = w.fail(&["sql", "SELECT 1", "-o", w.path("out.xyz").to_str().unwrap()]);
    assert!(stderr.contains("cannot tell the format of"), "{stderr}");
}

#[test]
fn export_writes_parquet_with_duckdb_and_refuses_to_overwrite() {
    let w = Workdir::new();
    let target = w.path("exports.parquet");
    w.run(&["export", "--sql", "SELECT * FROM exports ORDER BY year, month, province_code", "--to", target.to_str().unwrap()]);
    let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(&target).unwrap()).unwrap();
    assert_eq!(reader.schema().field_with_name("value_usd").unwrap().data_type(), &DataType::Decimal128(18, 2));
    let rows: usize = reader.build().unwrap().map(|b| b.unwrap().num_rows()).sum();
    assert_eq!(rows.to_string(), w.csv(&["sql", "SELECT count(*) FROM exports"])[1][0]);

    let before = std::fs::read(&target).unwrap();
    let (_, stderr) = w.fail(&["export", "--sql", "SELECT 1 AS x", "--to", target.to_str().unwrap()]);
    assert!(stderr.contains("exists; add --overwrite"), "{stderr}");
    assert_eq!(std::fs::read(&target).unwrap(), before);

    // A failing query leaves the old file in place even with --overwrite.
    w.fail(&["export", "--sql", "SELECT * FROM no_such_table", "--to", target.to_str().unwrap(), "--overwrite"]);
    assert_eq!(std::fs::read(&target).unwrap(), before);

    w.run(&["export", "--sql", "SELECT 1 AS x", "--to", target.to_str().unwrap(), "--overwrite"]);
    let rows: usize = ParquetRecordBatchReaderBuilder::try_new(File::open(&target).unwrap()).unwrap().build().unwrap().map(|b| b.unwrap().num_rows()).sum();
    assert_eq!(rows, 1);
}

#[test]
fn a_partitioned_export_reads_back_as_one_dataset() {
    let w = Workdir::new();
    let target = w.path("by_year");
    w.run(&["export", "--sql", "SELECT * FROM exports", "--to", target.to_str().unwrap(), "--partition-by", "year,basis"]);
    let mut total = 0;
    let mut partitions = Vec::new();
    for year_dir in std::fs::read_dir(&target).unwrap() {
        let year_dir = year_dir.unwrap().path();
        for basis_dir in std::fs::read_dir(&year_dir).unwrap() {
            let basis_dir = basis_dir.unwrap().path();
            partitions.push(format!(
                "{}/{}",
                year_dir.file_name().unwrap().to_string_lossy(),
                basis_dir.file_name().unwrap().to_string_lossy()
            ));
            for file in std::fs::read_dir(&basis_dir).unwrap() {
                let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(file.unwrap().path()).unwrap()).unwrap();
                total += reader.build().unwrap().map(|b| b.unwrap().num_rows()).sum::<usize>();
            }
        }
    }
    assert!(partitions.contains(&"year=2025/basis=activity".to_string()), "{partitions:?}");
    assert_eq!(total.to_string(), w.csv(&["sql", "SELECT count(*) FROM exports"])[1][0]);
}

#[test]
fn a_named_query_exports_with_its_parameters() {
    let w = Workdir::new();
    let target = w.path("top.parquet");
    w.run(&["export", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=2", "--to", target.to_str().unwrap()]);
    let batches: Vec<_> = ParquetRecordBatchReaderBuilder::try_new(File::open(&target).unwrap()).unwrap().build().unwrap().map(Result::unwrap).collect();
    let names = batches[0].column_by_name("province").unwrap().as_string::<i32>().iter().map(|s| s.unwrap().to_string()).collect::<Vec<_>>();
    assert_eq!(names, vec!["İstanbul", "Kocaeli"]);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let w = Workdir::new();
    let mut child = w
        .command(&["sql", "SELECT * FROM range(1000000) t(i)", "--format", "csv"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", common::text(&output.stderr));
}

#[test]
fn files_are_never_replaced_without_overwrite_and_get_the_users_umask() {
    use std::os::unix::fs::PermissionsExt;
    let w = Workdir::new();
    let path = w.path("top.csv");
    let run = |extra: &[&str]| {
        let mut args = vec!["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-o", path.to_str().unwrap()];
        args.extend_from_slice(extra);
        args.iter().map(|a| a.to_string()).collect::<Vec<_>>()
    };
    let args = run(&[]);
    w.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    // The test process's umask is the default 022 (or stricter): never the 0600 of a temp file.
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode & 0o044, 0o044, "mode {mode:o}");
    std::fs::write(&path, "mine").unwrap();
    let (code, stderr) = w.fail(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 1);
    assert!(stderr.contains("exists; add --overwrite to replace it"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    let args = run(&["--overwrite"]);
    w.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("rank,province"));
}

#[test]
fn export_refuses_what_it_cannot_write_or_must_not_replace() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    let ods = w.path("top.ods");
    let (_, stderr) = w.fail(&["export", "top_provinces", "-p", "year=2025", "-p", "month=10", "--to", ods.to_str().unwrap()]);
    assert!(stderr.contains("export cannot write `.ods` files") && stderr.contains("xlsx"), "{stderr}");
    assert!(!ods.exists());
    let (_, stderr) = w.fail(&["export", "--sql", "FROM exports", "--to", w.path("x.xlsx").to_str().unwrap(), "--partition-by", "year"]);
    assert!(stderr.contains("an Excel workbook is one file"), "{stderr}");
    // The database itself.
    let db = w.db();
    let (_, stderr) = w.fail(&["export", "--sql", "SELECT 1", "--to", db.to_str().unwrap(), "--format", "parquet", "--overwrite"]);
    assert!(stderr.contains("is ihracat's database"), "{stderr}");
    // Nor through the output layer's writers (Excel, or `run -o` in any format).
    let (_, stderr) = w.fail(&["export", "top_provinces", "-p", "year=2025", "-p", "month=10", "--to", db.to_str().unwrap(), "--format", "xlsx", "--overwrite"]);
    assert!(stderr.contains("is ihracat's database"), "{stderr}");
    let (_, stderr) = w.fail(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-o", db.to_str().unwrap(), "--format", "markdown", "--overwrite"]);
    assert!(stderr.contains("is ihracat's database"), "{stderr}");
    w.run(&["provinces"]);
    // A folder that holds something no export wrote.
    let folder = w.path("out");
    w.write("out/notes.txt", "mine");
    let (_, stderr) = w.fail(&["export", "--sql", "FROM exports", "--to", folder.to_str().unwrap(), "--partition-by", "year", "--overwrite"]);
    assert!(stderr.contains("holds notes.txt, which no partitioned export wrote"), "{stderr}");
    assert_eq!(std::fs::read_to_string(folder.join("notes.txt")).unwrap(), "mine");
    // A folder an export wrote is replaced.
    let parts = w.path("parts");
    w.run(&["export", "--sql", "FROM exports", "--to", parts.to_str().unwrap(), "--partition-by", "year"]);
    w.run(&["export", "--sql", "FROM exports WHERE year = 2025", "--to", parts.to_str().unwrap(), "--partition-by", "year", "--overwrite"]);
    let years: Vec<String> = std::fs::read_dir(&parts).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(years, ["year=2025"]);
}

#[test]
fn list_and_struct_columns_are_json_text_in_csv() {
    let w = Workdir::new();
    let text = w.stdout(&["sql", "SELECT [1, 2] AS l, {'a': 1, 'b': 'x'} AS s, NULL::INTEGER[] AS n, 3 AS k", "--format", "csv"]);
    assert_eq!(text, "l,s,n,k\n\"[1,2]\",\"{\"\"a\"\":1,\"\"b\"\":\"\"x\"\"}\",,3\n");
}

#[test]
fn format_means_the_output_format_everywhere() {
    let w = Workdir::new();
    // load: the summary as JSON; the input's format is --input-format.
    let path = w.write("one.txt", "il\tyıl\tay\tdeğer\nBursa\t2019\t1\t5\n");
    let summary: serde_json::Value = serde_json::from_str(&w.stdout(&["load", path.to_str().unwrap(), "--input-format", "tsv", "--basis", "activity", "--format", "json"])).unwrap();
    assert_eq!(summary["added"], 1);
    assert_eq!(summary["basis"], "activity");
    // A rejected load: its located problems as a list, exit 1.
    let bad = w.write("bad.csv", "il,yıl,ay,değer\nAtlantis,2019,1,5\n");
    let output = w.command(&["load", bad.to_str().unwrap(), "--basis", "activity", "--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let problems: serde_json::Value = serde_json::from_str(&common::text(&output.stdout)).unwrap();
    assert_eq!(problems["loaded"], false);
    assert_eq!(problems["problems"].as_array().unwrap().len(), 1, "{problems}");
    assert!(problems["problems"][0].as_str().unwrap().contains("bad.csv:2: column \"il\": `Atlantis`"), "{problems}");
    // queries show and check.
    let query: serde_json::Value = serde_json::from_str(&w.stdout(&["queries", "show", "top_provinces", "--format", "json"])).unwrap();
    assert_eq!(query["parameters"][0]["name"], "year");
    assert_eq!(query["parameters"][0]["required"], true);
    assert_eq!(query["macros"][0]["name"], "province_ranking");
    assert_eq!(query["macros"][0]["file"], "src/db/migrations/010_facts.sql");
    assert!(query["macros"][0]["sql"].as_str().unwrap().contains("CREATE OR REPLACE MACRO province_ranking("), "{query}");
    assert!(w.stdout(&["queries", "show", "top_provinces", "--format", "sql"]).starts_with("--- summary"));
    let check: serde_json::Value = serde_json::from_str(&w.stdout(&["queries", "check", "--format", "json"])).unwrap();
    assert_eq!(check["problems"], serde_json::json!([]));
    // info: JSON alone on stdout.
    let info: serde_json::Value = serde_json::from_str(&w.stdout(&["info", "--format", "json"])).unwrap();
    assert_eq!(info["schema_version"], ihracat::db::SCHEMA_VERSION);
}

#[test]
fn resolve_marks_the_names_it_cannot_resolve_and_shows_the_others() {
    let w = Workdir::new();
    let output = w.command(&["provinces", "resolve", "AFYON", "Atlantis", "istanbul", "--format", "csv"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let rows = common::parse_csv(&common::text(&output.stdout));
    assert_eq!(common::column(&rows, "code"), ["3", "", "34"]);
    assert!(common::column(&rows, "matched")[1].starts_with("not resolved: unknown province `Atlantis`"), "{rows:?}");
}

#[test]
fn run_and_export_write_a_file_the_same_way() {
    let w = Workdir::new();
    let (a, b) = (w.path("run.parquet"), w.path("export.parquet"));
    let args = ["-p", "year=2025", "-p", "month=10", "-p", "n=5"];
    let mut run = vec!["run", "top_provinces"];
    run.extend_from_slice(&args);
    run.extend(["-o", a.to_str().unwrap()]);
    let output = w.run(&run);
    // The panel notice is said for a file too.
    assert!(common::text(&output.stderr).contains("of 81 provinces have data for 2025-10"), "{}", common::text(&output.stderr));
    let mut export = vec!["export", "top_provinces"];
    export.extend_from_slice(&args);
    export.extend(["--to", b.to_str().unwrap()]);
    w.run(&export);
    let read = |path: &std::path::Path| {
        let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap()).unwrap().build().unwrap();
        reader.map(|batch| batch.unwrap()).collect::<Vec<_>>()
    };
    let (from_run, from_export) = (read(&a), read(&b));
    assert_eq!(from_run, from_export);
    assert_eq!(from_run.iter().map(|b| b.num_rows()).sum::<usize>(), 5);
}

#[test]
fn decimals_stay_exact_unless_floats_are_asked_for() {
    let w = Workdir::new();
    let read_types = |path: &std::path::Path| -> Vec<(String, String)> {
        let file = std::fs::File::open(path).unwrap();
        let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        reader.schema().fields().iter().map(|f| (f.name().clone(), f.data_type().to_string())).collect()
    };
    let exact = w.path("exact.parquet");
    w.run(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-o", exact.to_str().unwrap()]);
    let floats = w.path("floats.parquet");
    w.run(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-o", floats.to_str().unwrap(), "--decimals", "float"]);
    let (exact, floats) = (read_types(&exact), read_types(&floats));
    let type_of = |types: &[(String, String)], name: &str| types.iter().find(|(n, _)| n == name).unwrap().1.clone();
    assert!(type_of(&exact, "value_usd").starts_with("Decimal128"), "{exact:?}");
    assert_eq!(type_of(&floats, "value_usd"), "Float64");
    assert_eq!(type_of(&floats, "change_usd"), "Float64");
    assert_eq!(type_of(&floats, "rank"), type_of(&exact, "rank"), "only decimals change");
    let csv = w.stdout(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=1", "--format", "csv", "--decimals", "float"]);
    assert!(csv.contains(",4859000000.0,") || csv.contains(",4859000000,"), "{csv}");
}

/// The column types a Parquet file has, as arrow-rs's reader (not DuckDB, which wrote it) sees them.
fn parquet_types(path: &std::path::Path) -> Vec<(String, DataType)> {
    let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap()).unwrap();
    reader.schema().fields().iter().map(|f| (f.name().clone(), f.data_type().clone())).collect()
}

/// DuckDB writes HUGEINT (what `sum` of a BIGINT gives) as a DOUBLE, and unsigned and
/// nanosecond columns as types Spark refuses: every Parquet file ihracat writes has portable
/// types instead, by `export`, by `sql -o` and in every file of a partitioned dataset.
#[test]
fn parquet_files_have_types_every_engine_reads() {
    use arrow::datatypes::TimeUnit;
    let w = Workdir::new();
    let sql = "SELECT 12345678901234567890123::HUGEINT AS big, sum(3::BIGINT) AS total, 7::UBIGINT AS u64, 5::UINTEGER AS u32,
                      TIMESTAMP_NS '2025-10-31 12:00:00.123456789' AS at";
    let expected = vec![
        ("big".to_string(), DataType::Decimal128(38, 0)),
        ("total".to_string(), DataType::Decimal128(38, 0)),
        ("u64".to_string(), DataType::Decimal128(20, 0)),
        ("u32".to_string(), DataType::Int64),
        ("at".to_string(), DataType::Timestamp(TimeUnit::Microsecond, None)),
    ];
    for (file, args) in [("export.parquet", vec!["export", "--sql", sql, "--to"]), ("sql.parquet", vec!["sql", sql, "-o"])] {
        let path = w.path(file);
        let mut args = args;
        args.push(path.to_str().unwrap());
        w.run(&args);
        assert_eq!(parquet_types(&path), expected, "{file}");
        let batches: Vec<_> = ParquetRecordBatchReaderBuilder::try_new(File::open(&path).unwrap()).unwrap().build().unwrap().map(Result::unwrap).collect();
        // Every digit kept: a DOUBLE would have made it 12345678901234567000000.
        assert_eq!(batches[0].column(0).as_primitive::<Decimal128Type>().value(0), 12345678901234567890123_i128, "{file}");
    }
    let dir = w.path("by_year");
    w.run(&["export", "--sql", "SELECT year, province_code, basis, sum(value_usd::BIGINT) AS total FROM exports GROUP BY ALL", "--to", dir.to_str().unwrap(), "--partition-by", "year"]);
    let mut files = 0;
    for partition in std::fs::read_dir(&dir).unwrap() {
        for file in std::fs::read_dir(partition.unwrap().path()).unwrap() {
            let types = parquet_types(&file.unwrap().path());
            assert_eq!(types, [("province_code".to_string(), DataType::Int32), ("basis".to_string(), DataType::Utf8), ("total".to_string(), DataType::Decimal128(38, 0))]);
            files += 1;
        }
    }
    assert!(files > 5, "one file a year at least: {files}");
}

/// A Markdown table's rows as cells, the header first.
fn markdown_rows(text: &str) -> Vec<Vec<String>> {
    text.lines().filter(|l| !l.starts_with("| ---")).map(|l| l.trim_matches('|').split(" | ").map(|c| c.trim().to_string()).collect()).collect()
}

/// Design rule 39 in the formats people read: no digit that no source printed. Kocaeli February
/// 2026 as its release printed it: 2,944 million dollars, up 86 million or 3 % (a whole
/// percent). A DECIMAL(18,2) column's `.00` and a float's `.0` are not the figure's; a loaded
/// value's cents are (long.csv: IĞDIR 1,234,567.89; KOCAELİ 2827000000, whole).
#[test]
fn a_table_prints_no_digit_that_no_source_printed() {
    let w = Workdir::new();
    let args = ["run", "top_provinces", "-p", "year=2026", "-p", "month=2", "-p", "n=2", "--format", "markdown"];
    let rows = markdown_rows(&w.stdout(&args));
    let kocaeli = rows.iter().find(|r| r[1] == "Kocaeli").expect("Kocaeli is ranked");
    let at = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    assert_eq!((kocaeli[at("value_usd")].as_str(), kocaeli[at("change_usd")].as_str(), kocaeli[at("change_pct")].as_str()), ("2,944,000,000", "86,000,000", "3"));
    let turkish = markdown_rows(&w.stdout(&[&args[..], &["--locale", "tr"]].concat()));
    let kocaeli = turkish.iter().find(|r| r[1] == "Kocaeli").expect("Kocaeli is ranked");
    assert_eq!((kocaeli[3].as_str(), kocaeli[5].as_str(), kocaeli[6].as_str()), ("2.944.000.000", "86.000.000", "3"), "{turkish:?}");
    // The machine formats keep the typed value.
    let csv = w.csv(&["run", "top_provinces", "-p", "year=2026", "-p", "month=2", "-p", "n=2"]);
    let i = common::column(&csv, "province").iter().position(|p| p == "Kocaeli").unwrap();
    assert_eq!((common::column(&csv, "value_usd")[i].as_str(), common::column(&csv, "change_pct")[i].as_str()), ("2944000000.00", "3.0"));

    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/load/long.csv");
    w.run(&["load", fixture.to_str().unwrap(), "--basis", "activity"]);
    let rows = markdown_rows(&w.stdout(&["sql", "SELECT province_code, value_usd FROM exports WHERE load_id IS NOT NULL ORDER BY 1", "--format", "markdown"]));
    assert_eq!(rows[1..], [vec!["34", "4,512,000,000"], vec!["41", "2,827,000,000"], vec!["76", "1,234,567.89"]]);
}
