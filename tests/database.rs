//! The database's life: creation and seeding, reopening, read-only use, version checks and
//! the second writer (issue 2).

mod common;

use common::{Workdir, column};

#[test]
fn a_new_database_is_created_and_seeded_with_the_bundled_data() {
    let w = Workdir::empty();
    assert!(!w.db().exists());
    let output = w.run(&["sql", "SELECT count(*) AS n FROM provinces"]);
    assert!(w.db().exists());
    assert!(common::text(&output.stderr).contains("created database"));
    assert_eq!(common::parse_csv(&common::text(&output.stdout)), vec![vec!["n"], vec!["81"]]);
    // The Ministry's October 2025 figure for İstanbul, as the release printed it.
    let rows = w.csv(&["sql", "SELECT value_usd, source FROM exports e JOIN provinces p ON p.code = e.province_code WHERE p.name = 'İstanbul' AND year = 2025 AND month = 10 AND basis = 'activity'"]);
    assert_eq!(column(&rows, "value_usd"), vec!["4859000000.00"]);
    assert!(column(&rows, "source")[0].starts_with("https://ekiphaber.com/"));
}

#[test]
fn reopening_does_not_seed_again() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    let second = w.run(&["sql", "SELECT count(*) AS n FROM published_figures WHERE NOT derived"]);
    assert!(!common::text(&second.stderr).contains("created"), "{}", common::text(&second.stderr));
    // Every statement of the bundled file once, however often the database is opened.
    let bundled = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/published_figures.csv")).unwrap();
    let statements = (bundled.lines().count() - 1).to_string();
    assert_eq!(common::parse_csv(&common::text(&second.stdout))[1][0], statements);
    let third = w.csv(&["sql", "SELECT count(*) AS n FROM published_figures WHERE NOT derived"]);
    assert_eq!(third[1][0], statements);
}

#[test]
fn the_database_path_comes_from_the_environment_when_not_given() {
    let w = Workdir::new();
    let path = w.path("from-env.duckdb");
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_ihracat"));
    command.env("IHRACAT_DB", &path).env("XDG_DATA_HOME", w.path("xdg")).args(["sql", "SELECT 1"]);
    assert!(command.output().unwrap().status.success());
    assert!(path.exists());
    assert!(!w.path("xdg/ihracat/ihracat.duckdb").exists());
}

#[test]
fn the_default_database_lives_in_the_xdg_data_directory() {
    let w = Workdir::new();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_ihracat"));
    command.env_remove("IHRACAT_DB").env("XDG_DATA_HOME", w.path("xdg")).env("HOME", w.path("home")).args(["provinces"]);
    assert!(command.output().unwrap().status.success());
    assert!(w.path("xdg/ihracat/ihracat.duckdb").exists());
}

/// A mistyped --db is refused, as DuckDB's CLI and sqlite3 refuse it, in the reader's language:
/// no folder is made, and no "created a database" note is printed over nothing.
#[test]
fn a_database_in_a_folder_that_is_not_there_is_refused_and_no_folder_is_made() {
    let w = Workdir::new();
    let path = w.path("no-such-folder/inner/x.duckdb");
    let folder = w.path("no-such-folder/inner");
    for (locale, words) in [("en", "no folder"), ("tr", "klasörü yok")] {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_ihracat"));
        command.env("XDG_DATA_HOME", w.path("xdg")).env("IHRACAT_LOCALE", locale).env_remove("IHRACAT_DB");
        command.arg("--db").arg(&path).arg("provinces");
        let output = command.output().unwrap();
        let stderr = common::text(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(output.stdout.is_empty());
        assert!(stderr.contains(words) && stderr.contains(&folder.display().to_string()), "{locale}: {stderr}");
    }
    assert!(!w.path("no-such-folder").exists());
    assert!(!w.path("xdg").exists(), "the default database's folder is made only when it is used");
}

#[test]
fn memory_databases_are_seeded_and_thrown_away() {
    let w = Workdir::new();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_ihracat"));
    command.current_dir(w.dir.path()).env("XDG_DATA_HOME", w.path("xdg")).args(["--db", ":memory:", "sql", "SELECT count(*) AS n FROM provinces"]);
    let output = command.output().unwrap();
    assert!(output.status.success());
    assert_eq!(common::parse_csv(&common::text(&output.stdout))[1][0], "81");
    assert!(!w.path(":memory:").exists());
}

#[test]
fn readers_share_the_database_while_another_reader_holds_it() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    let held = ihracat::db::open(&ihracat::db::Location::File(w.db()), ihracat::db::Access::Read, &Default::default()).unwrap();
    let rows = w.csv(&["sql", "SELECT count(*) AS n FROM exports"]);
    assert_ne!(rows[1][0], "0");
    drop(held);
}

#[test]
fn a_second_writer_is_told_the_database_is_in_use() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    let held = ihracat::db::open(&ihracat::db::Location::File(w.db()), ihracat::db::Access::Write, &Default::default()).unwrap();
    let (code, stderr) = w.fail(&["provinces"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("database is in use by another process that writes to it"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("--read-only"), "the old advice, which fails too: {stderr}");
    drop(held);
    w.run(&["provinces"]);
}

#[test]
fn a_writer_is_told_readers_hold_the_database_and_can_wait_for_them() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    let held = ihracat::db::open(&ihracat::db::Location::File(w.db()), ihracat::db::Access::Read, &Default::default()).unwrap();
    let path = w.write("one.csv", "il,yıl,ay,değer\nBursa,2019,1,5\n");
    let (code, stderr) = w.fail(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("database is in use by another process that reads it"), "{stderr}");
    // With --wait the load goes through once the reader is gone.
    let mut waiting = w.command(&["--wait", "30", "load", path.to_str().unwrap(), "--basis", "activity"]).stdout(std::process::Stdio::piped()).spawn().unwrap();
    // The load says it waits by the marker beside the database (what `serve` watches for); until
    // the reader lets go it has neither finished nor written anything.
    let marker = std::path::PathBuf::from(format!("{}.writer-waiting", w.db().display()));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !marker.exists() && waiting.try_wait().unwrap().is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(marker.exists(), "the load never said it waits");
    assert!(waiting.try_wait().unwrap().is_none(), "the load ended while the reader still held the database");
    let loaded: i64 = held.conn.query_row("SELECT count(*) FROM exports WHERE load_id IS NOT NULL", [], |r| r.get(0)).unwrap();
    assert_eq!(loaded, 0);
    drop(held);
    let output = waiting.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", common::text(&output.stdout));
    assert_eq!(w.csv(&["sql", "SELECT count(*) FROM exports WHERE load_id IS NOT NULL"])[1], ["1"]);
}

#[test]
fn a_database_from_a_newer_ihracat_is_refused() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    w.with_database(|conn| conn.execute_batch("UPDATE ihracat_meta SET value = '99' WHERE key = 'schema_version'").unwrap());
    let (code, stderr) = w.fail(&["provinces"]);
    assert_eq!(code, 1);
    assert!(stderr.contains(&format!("schema version 99, newer than this ihracat understands ({})", ihracat::db::SCHEMA_VERSION)), "{stderr}");
}

#[test]
fn a_database_seeded_by_an_older_binary_is_refreshed_and_keeps_loaded_rows() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    w.with_database(|conn| {
        conn.execute_batch(
            "UPDATE ihracat_meta SET value = '2000-01-01' WHERE key = 'data_version';
             DELETE FROM exports WHERE load_id IS NULL AND province_code = 34;
             INSERT INTO exports VALUES (6, 2019, 1, 'activity', 123.00, 0, 'mine.csv', false, 7, now()::TIMESTAMP);",
        )
        .unwrap()
    });
    let output = w.run(&["sql", "SELECT count(*) FILTER (WHERE province_code = 34) AS istanbul, count(*) FILTER (WHERE load_id = 7) AS mine FROM exports"]);
    assert!(common::text(&output.stderr).contains("refreshed the bundled data"), "{}", common::text(&output.stderr));
    let rows = common::parse_csv(&common::text(&output.stdout));
    assert_ne!(column(&rows, "istanbul"), vec!["0"]);
    assert_eq!(column(&rows, "mine"), vec!["1"]);
}

#[test]
fn a_refresh_under_the_same_label_names_both_fingerprints() {
    // The bundled data changed (here: its recorded fingerprint) while its version label did not:
    // "from 2026-12-06.1 to 2026-12-06.1" would say nothing changed.
    let w = Workdir::new();
    w.run(&["provinces"]);
    w.with_database(|conn| conn.execute_batch("UPDATE ihracat_meta SET value = 'feedfacefeedface' WHERE key = 'data_sha256'").unwrap());
    let output = w.run(&["provinces", "--format", "csv"]);
    let stderr = common::text(&output.stderr);
    let version = ihracat::db::DATA_VERSION;
    let expected = format!("from {version} (feedfacefeedface) to {version} ({})", ihracat::db::data_sha256());
    assert!(stderr.contains(&expected), "{stderr}");
    // Refreshed once: the next command finds it current and says nothing.
    let again = w.run(&["provinces", "--format", "csv"]);
    assert!(!common::text(&again.stderr).contains("refreshed"), "{}", common::text(&again.stderr));
}

#[test]
fn a_file_that_is_not_an_ihracat_database_is_named() {
    let w = Workdir::empty();
    {
        let conn = duckdb::Connection::open(w.db()).unwrap();
        conn.execute_batch("CREATE TABLE t(a INT)").unwrap();
    }
    let (_, stderr) = w.fail(&["provinces"]);
    assert!(stderr.contains("not one of ihracat's"), "{stderr}");
}

#[test]
fn a_version_1_database_is_migrated_and_keeps_its_rows() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    // What a version 1 database looked like: no detail tables.
    w.with_database(|conn| {
        conn.execute_batch(
            "DROP MACRO TABLE detail_ranking; DROP MACRO TABLE detail_by_province; DROP MACRO TABLE detail_completeness;
             DROP MACRO TABLE detail_values; DROP MACRO TABLE detail_cells; DROP MACRO turkish_lower;
             DROP TABLE detail; DROP TABLE replaced_detail; DROP TABLE published_detail; ALTER TABLE loads DROP COLUMN target; ALTER TABLE loads DROP COLUMN complete; DROP TABLE countries; DROP TABLE country_aliases;
             DROP TABLE products; DROP TABLE product_aliases; DROP MACRO hs_digits; ALTER TABLE published_figures DROP COLUMN release_kind;
             UPDATE ihracat_meta SET value = '1' WHERE key = 'schema_version';
             INSERT INTO exports VALUES (6, 2019, 1, 'activity', 123.00, 0, 'mine.csv', false, 7, now()::TIMESTAMP);",
        )
        .unwrap()
    });
    let output = w.run(&["sql", "SELECT (SELECT value FROM ihracat_meta WHERE key = 'schema_version') AS version, (SELECT count(*) FROM detail) > 0 AS detail, (SELECT count(*) FROM exports WHERE load_id = 7) AS mine"]);
    let current = ihracat::db::SCHEMA_VERSION.to_string();
    assert!(common::text(&output.stderr).contains(&format!("from schema version 1 to {current}")), "{}", common::text(&output.stderr));
    assert_eq!(common::parse_csv(&common::text(&output.stdout))[1], vec![current.as_str(), "true", "1"]);
}

#[test]
fn a_version_2_database_gets_the_detail_macros_that_take_a_province() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    // Version 2's detail_completeness took no province.
    w.with_database(|conn| {
        conn.execute_batch(
            "CREATE OR REPLACE MACRO detail_completeness(_year, _month, _period, _basis, _dimension) AS TABLE SELECT 1 AS province_code;
             ALTER TABLE published_figures DROP COLUMN release_kind;
             UPDATE ihracat_meta SET value = '2' WHERE key = 'schema_version';",
        )
        .unwrap()
    });
    let output = w.run(&["sql", "SELECT province, total_usd FROM detail_completeness(2025, 10, 'month', 'activity', 'country', _province := 34)"]);
    assert!(common::text(&output.stderr).contains(&format!("from schema version 2 to {}", ihracat::db::SCHEMA_VERSION)), "{}", common::text(&output.stderr));
    let rows = common::parse_csv(&common::text(&output.stdout));
    assert_eq!(rows[0], vec!["province", "total_usd"]);
    assert_eq!(rows.iter().skip(1).map(|r| r[0].as_str()).collect::<Vec<_>>(), vec!["İstanbul"]);
}

#[test]
fn a_version_3_database_gets_shares_of_turkey_and_the_kind_of_each_release() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    // Version 3 divided by the provinces with data when no national total was stated, and did not
    // know which releases were regional.
    w.with_database(|conn| {
        conn.execute_batch(
            "CREATE OR REPLACE MACRO period_denominator(_year, _month, _period, _basis) AS TABLE
                 SELECT sum(value_usd) AS total_usd, 'sum of the provinces with data' AS share_of, count(*) AS panel, NULL AS total_source
                 FROM province_values(_year, _month, _period, _basis);
             ALTER TABLE published_figures DROP COLUMN release_kind;
             UPDATE ihracat_meta SET value = '3' WHERE key = 'schema_version';",
        )
        .unwrap()
    });
    let output = w.run(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=1", "--format", "csv"]);
    assert!(common::text(&output.stderr).contains(&format!("from schema version 3 to {}", ihracat::db::SCHEMA_VERSION)), "{}", common::text(&output.stderr));
    let rows = common::parse_csv(&common::text(&output.stdout));
    assert_eq!(column(&rows, "share_of"), ["national total derived from published year-to-date totals"]);
    let kinds = w.csv(&["sql", "SELECT DISTINCT release_kind FROM published_figures ORDER BY 1"]);
    assert_eq!(kinds[1..], [["ministry"], ["regional"]]);
}

#[test]
fn a_version_5_database_gets_the_month_names() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    w.with_database(|conn| {
        conn.execute_batch("DROP TABLE months; UPDATE ihracat_meta SET value = '5' WHERE key = 'schema_version';").unwrap()
    });
    let output = w.run(&["sql", "SELECT month, name_tr, upper_tr, name_en, short_en FROM months WHERE month IN (2, 10) ORDER BY month"]);
    assert!(common::text(&output.stderr).contains(&format!("from schema version 5 to {}", ihracat::db::SCHEMA_VERSION)), "{}", common::text(&output.stderr));
    assert_eq!(common::text(&output.stdout), "month,name_tr,upper_tr,name_en,short_en\n2,şubat,ŞUBAT,February,Feb\n10,ekim,EKİM,October,Oct\n");
}

#[test]
fn a_version_6_database_gets_the_facts_of_a_month() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    // Version 6 had the report's analyses in the named queries only: no macros for them.
    w.with_database(|conn| {
        conn.execute_batch(
            "DROP MACRO TABLE month_facts; DROP MACRO TABLE national_figures; DROP MACRO TABLE province_ranking;
             DROP MACRO TABLE increase_ranking; DROP MACRO TABLE detail_top;
             UPDATE ihracat_meta SET value = '6' WHERE key = 'schema_version';",
        )
        .unwrap()
    });
    let output = w.run(&["report", "--year", "2025", "--month", "10"]);
    // `report` speaks Turkish unless told (`--lang`), its notes too.
    assert!(common::text(&output.stderr).contains(&format!("şeması güncellendi (sürüm 6 → {})", ihracat::db::SCHEMA_VERSION)), "{}", common::text(&output.stderr));
    assert!(common::text(&output.stdout).contains("İstanbul 4 milyar 859 milyon dolarla birinci"), "{}", common::text(&output.stdout));
}

#[test]
fn a_version_7_database_gets_each_release_s_own_changes() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    // Version 7 had no quoted sentences, no release's own changes and no rounding helpers.
    w.with_database(|conn| {
        conn.execute_batch(
            "ALTER TABLE published_figures DROP COLUMN quote; DROP MACRO TABLE stated_changes; DROP MACRO shown_usd;
             DROP MACRO shown_pct; DROP MACRO share_pct;
             UPDATE ihracat_meta SET value = '7' WHERE key = 'schema_version';",
        )
        .unwrap()
    });
    let output = w.run(&["report", "--year", "2026", "--month", "2"]);
    // `report` speaks Turkish unless told (`--lang`), its notes too.
    assert!(common::text(&output.stderr).contains(&format!("şeması güncellendi (sürüm 7 → {})", ihracat::db::SCHEMA_VERSION)), "{}", common::text(&output.stderr));
    // February 2026's release: Kocaeli +3 %.
    assert!(common::text(&output.stdout).contains("Kocaeli'nin ihracatı yüzde 3 arttı"), "{}", common::text(&output.stdout));
    assert_eq!(w.csv(&["sql", "SELECT count(*) > 30 FROM published_figures WHERE quote IS NOT NULL"])[1], ["true"]);
}

/// The database opens in an older DuckDB than ihracat's own (issue 31: DuckDB 1.5's CLI refused
/// version 69): Python's duckdb 1.1.3, found through IHRACAT_OLD_DUCKDB_PYTHON (`.ci/run` makes
/// a virtual environment with it), reads the loaded rows, a workspace table and a named query's
/// macro. The expected values are the fixture's own cells.
#[test]
fn duckdb_1_1_opens_the_database_and_its_workspace() {
    let python = std::env::var("IHRACAT_OLD_DUCKDB_PYTHON").unwrap_or_else(|_| "python3".into());
    let version = std::process::Command::new(&python).args(["-c", "import duckdb; print(duckdb.__version__)"]).output();
    let present = version.as_ref().is_ok_and(|o| o.status.success() && common::text(&o.stdout).trim() == "1.1.3");
    if !common::tool_available("Python with duckdb 1.1.3 (IHRACAT_OLD_DUCKDB_PYTHON)", present, "IHRACAT_REQUIRE_OLD_DUCKDB") {
        return;
    }
    let w = Workdir::new();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/load/long.csv");
    w.run(&["load", fixture.to_str().unwrap(), "--basis", "activity"]);
    w.run(&["sql", "--write", "CREATE TABLE notes AS SELECT 'Bursa' AS il, 3 AS n"]);
    let info = w.stdout(&["info", "--format", "json"]);
    assert!(info.contains("\"storage_version\": \"v1.1.0\""), "{info}");
    let script = format!(
        "import duckdb
c = duckdb.connect({db:?}, read_only=True)
for row in c.sql('SELECT province_code, value_usd::VARCHAR FROM exports WHERE load_id = 1 ORDER BY province_code').fetchall():
    print(*row)
print(c.sql(\"SELECT count(*) FROM province_ranking(2025, 9, 'month', 'activity')\").fetchone()[0] > 0)
w = duckdb.connect({workspace:?}, read_only=True)
print(*w.sql('FROM notes').fetchone())",
        db = w.db().display().to_string(),
        workspace = w.path("test.workspace.duckdb").display().to_string(),
    );
    let output = std::process::Command::new(&python).args(["-c", &script]).output().unwrap();
    assert!(output.status.success(), "{}", common::text(&output.stderr));
    // long.csv: İSTANBUL 4,512,000,000.00, KOCAELİ 2827000000, IĞDIR 1234567.89 (Şanlıurfa `-` is missing).
    assert_eq!(common::text(&output.stdout), "34 4512000000.00\n41 2827000000.00\n76 1234567.89\nTrue\nBursa 3\n");
}
