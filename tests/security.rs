//! The managed database's doors (issue 17, 1-4; design rule 17): ad-hoc SQL reads the managed
//! tables and writes only the workspace; no statement can re-attach the managed file, write a
//! file, or stand in for a managed table in the analyses.

mod common;

use common::Workdir;

/// Every managed table's rows, sorted: what "unchanged" means.
fn snapshot(w: &Workdir) -> String {
    ["exports", "published_figures", "provinces", "detail", "loads"]
        .iter()
        .map(|t| w.stdout(&["sql", &format!("SELECT * FROM ihracat.main.{t} ORDER BY ALL"), "--format", "csv"]))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn ad_hoc_sql_cannot_reattach_the_managed_database_or_write_files() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    let before = snapshot(&w);
    let db = w.db();
    let db = db.to_str().unwrap();
    let target = w.path("out.csv");
    let attempts = [
        format!("USE memory; DETACH ihracat; ATTACH '{db}' AS m; DELETE FROM m.exports"),
        "DETACH ihracat".to_string(),
        format!("ATTACH '{}' AS other", w.path("new.duckdb").display()),
        format!("COPY (SELECT 42) TO '{db}' (FORMAT csv)"),
        format!("COPY (SELECT 42) TO '{}' (FORMAT csv)", target.display()),
        format!("EXPORT DATABASE '{}'", w.path("dump").display()),
        "SET enable_external_access = true".to_string(),
        "PRAGMA enable_profiling".to_string(),
        "INSTALL httpfs".to_string(),
        // Behind a comment and inside EXPLAIN ANALYZE, which runs what it explains.
        format!("/* look */ -- away\n EXPLAIN ANALYZE COPY (SELECT 1) TO '{}'", target.display()),
    ];
    for sql in &attempts {
        for write in [false, true] {
            let mut args = vec!["sql", sql.as_str()];
            if write {
                args.push("--write");
            }
            let (code, stderr) = w.fail(&args);
            assert_eq!(code, 1, "{sql}: {stderr}");
            assert!(stderr.contains("ad-hoc SQL") || stderr.contains("ihracat does not install"), "{sql}: {stderr}");
        }
    }
    assert_eq!(snapshot(&w), before, "the managed tables changed");
    assert!(!target.exists() && !w.path("new.duckdb").exists() && !w.path("dump").exists());
    // What ad-hoc SQL is for still works: reading, and the user's own tables with --write.
    w.run(&["sql", "--write", "CREATE TABLE mine AS SELECT 1 AS x"]);
    assert_eq!(w.csv(&["sql", "PRAGMA table_info('mine')"])[1][1], "x");
}

#[test]
fn export_sql_is_one_select_never_pasted_into_copy() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    let before = snapshot(&w);
    let out = w.path("o.csv");
    let injected = "SELECT 1 AS x) TO 'i.csv' (FORMAT csv); DELETE FROM exports; COPY (SELECT 1";
    let (code, stderr) = w.fail(&["export", "--sql", injected, "--to", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("--sql"), "{stderr}");
    let (_, stderr) = w.fail(&["export", "--sql", "SELECT 1; SELECT 2", "--to", out.to_str().unwrap()]);
    assert!(stderr.contains("has 2 statements"), "{stderr}");
    assert_eq!(snapshot(&w), before);
    assert!(!out.exists() && !w.path("i.csv").exists());
}

#[test]
fn a_workspace_table_named_like_a_managed_one_does_not_reach_the_analyses() {
    let w = Workdir::new();
    w.run(&[
        "sql",
        "--write",
        "CREATE TABLE exports AS SELECT 34 AS province_code, 2025 AS year, 10 AS month, 'activity' AS basis, 99000000000 AS value_usd",
    ]);
    let report = w.stdout(&["report", "--year", "2025", "--month", "10"]);
    assert!(report.contains("İstanbul 4 milyar 859 milyon dolarla birinci"), "{report}");
    assert!(!report.contains("99 milyar"), "{report}");
    let rows = w.csv(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=1"]);
    assert_eq!(common::column(&rows, "value_usd"), ["4859000000.00"]);
}

#[test]
fn a_write_inside_a_common_table_expression_is_not_a_read() {
    let w = Workdir::new();
    w.write("q/sneaky.sql", "--- summary  Looks like a read\nWITH d AS (DELETE FROM exports RETURNING *) SELECT * FROM d\n");
    let queries = w.path("q");
    let (code, stderr) = w.fail(&["--queries", queries.to_str().unwrap(), "run", "sneaky"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("must only read: it has a DELETE inside"), "{stderr}");
    // A string that merely mentions such a node is a read.
    w.write("q/innocent.sql", "--- summary  Mentions a node\nSELECT '\"type\":\"DELETE_QUERY_NODE\"' AS text\n");
    w.run(&["--queries", queries.to_str().unwrap(), "run", "innocent"]);
}

/// A database with the bundled data and one table of the user's (`mine`), with the managed
/// tables' snapshot and the folder's files as they are before an attempt.
fn workdir_with_a_table_of_the_users() -> (Workdir, String, Vec<String>) {
    let w = Workdir::new();
    w.run(&["provinces"]);
    w.run(&["sql", "--write", "CREATE TABLE mine AS SELECT 1 AS x"]);
    let (before, files_before) = (snapshot(&w), files(&w));
    (w, before, files_before)
}

/// Every file below the work folder but the database's own and the XDG folders: what a refused
/// statement must not have added to.
fn files(w: &Workdir) -> Vec<String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path.display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(w.dir.path(), &mut out);
    out.retain(|p| !p.contains("/xdg/") && !p.ends_with(".wal"));
    out.sort();
    out
}

/// `ihracat sql SQL`, with and without --write, exits 1: refused, nothing run.
fn refused_with_and_without_write(w: &Workdir, sql: &str) {
    for write in [false, true] {
        let mut args = vec!["sql", sql];
        if write {
            args.push("--write");
        }
        let output = w.command(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{sql} (write: {write}) ran: {}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    }
}

/// Issue 31's reproductions. DuckDB nests `/* */` comments, ends a `--` comment at a carriage
/// return and reads `E'\''` as one quote; a guard that reads keywords as text let each of these
/// through. Now DuckDB's own parser decides, and each is refused before anything runs.
#[test]
fn statements_duckdb_reads_otherwise_than_a_text_guard_are_refused() {
    let (w, before, files_before) = workdir_with_a_table_of_the_users();
    let db = w.db().display().to_string();
    let p = |name: &str| w.path(name).display().to_string();
    let attempts = [
        format!("/* /* */ SELECT */ USE memory; /* /* */ SELECT */ DETACH ihracat; /* /* */ SELECT */ ATTACH '{db}' AS rw; DELETE FROM rw.main.exports WHERE year = 2025"),
        format!("/* /* */ SELECT */ COPY (SELECT 42) TO '{db}'"),
        format!("/* /* */ SELECT */ EXPORT DATABASE '{}'", p("dump")),
        format!("/* /* */ SELECT */ ATTACH '{}' AS n", p("new.duckdb")),
        format!("/* /* */ SELECT */ PRAGMA profiling_output = '{}'", p("profile.json")),
        format!("EXPLAIN ANALYZE /* x */ COPY (SELECT 1) TO '{}'", p("a.csv")),
        format!("PREPARE q AS COPY (SELECT 1) TO '{}'; EXECUTE q", p("b.csv")),
        format!("EXPLAIN (ANALYZE, FORMAT json) COPY (SELECT 1) TO '{}'", p("c.csv")),
        format!("SELECT E'\\''; COPY (SELECT 1) TO '{}'; --'", p("d.csv")),
        format!("CALL enable_logging(level = 'trace', storage = 'file', storage_path = '{}')", p("logs")),
        "CREATE PERSISTENT SECRET ph (TYPE http, BEARER_TOKEN 'x')".to_string(),
        format!("SELECT 1 -- x\rCOPY (SELECT 1) TO '{}'", p("e.csv")),
        "/* /* */ SELECT */ SET GLOBAL threads = 1".to_string(),
    ];
    for sql in &attempts {
        refused_with_and_without_write(&w, sql);
    }
    assert_eq!(snapshot(&w), before, "the managed tables changed");
    assert_eq!(files(&w), files_before, "a refused statement wrote a file");
    assert!(!w.path("home/.duckdb").exists(), "a secret was stored");
    // What ad-hoc SQL is for still works.
    assert_eq!(w.csv(&["sql", "EXPLAIN SELECT 1"])[0], ["explain_key", "explain_value"]);
    assert_eq!(w.csv(&["sql", "/* a /* nested */ comment */ SELECT count(*) AS n FROM exports WHERE year = 2025"])[1], ["91"]);
    assert_eq!(w.csv(&["sql", "--write", "INSERT INTO mine VALUES (2); SELECT count(*) FROM mine"])[1], ["2"]);
}

/// A seeded property: forbidden statements wrapped in DuckDB's comment forms, random case and
/// white space, and EXPLAIN, are refused with and without --write; the managed tables and the
/// folder are as they were.
#[test]
fn forbidden_statements_in_any_disguise_are_refused() {
    let (w, before, files_before) = workdir_with_a_table_of_the_users();
    let db = w.db().display().to_string();
    let out = w.path("out.csv").display().to_string();
    let forbidden = [
        "USE memory".to_string(),
        "DETACH ihracat".to_string(),
        format!("ATTACH '{db}' AS rw"),
        format!("COPY (SELECT 1) TO '{out}'"),
        format!("EXPORT DATABASE '{}'", w.path("dump").display()),
        "SET threads = 1".to_string(),
        "RESET threads".to_string(),
        "INSTALL json".to_string(),
        "LOAD json".to_string(),
        format!("PRAGMA profiling_output = '{out}'"),
        "PREPARE q AS SELECT 1".to_string(),
        "CALL pragma_version()".to_string(),
        "CREATE SECRET s (TYPE http)".to_string(),
        "DELETE FROM ihracat.main.exports".to_string(),
        "UPDATE ihracat.main.exports SET value_usd = 0".to_string(),
    ];
    let disguises: [fn(&str) -> String; 8] = [
        |s| format!("/* /* */ SELECT */ {s}"),
        |s| format!("-- SELECT\r{s}"),
        |s| format!("/* a */\n\t {s}"),
        |s| format!("EXPLAIN ANALYZE {s}"),
        |s| format!("EXPLAIN /* SELECT /* */ */ ANALYZE {s}"),
        |s| format!("/*/**/*/ {s} /* ; */"),
        |s| s.to_lowercase(),
        |s| format!("SELECT 1; {s}"),
    ];
    let mut rng = fastrand::Rng::with_seed(31);
    for _ in 0..60 {
        let statement = &forbidden[rng.usize(..forbidden.len())];
        let disguise = disguises[rng.usize(..disguises.len())];
        // (A leading space: an argument that starts with `--` would be an option to the parser.)
        let mut sql = format!(" {}", disguise(statement));
        if rng.bool() {
            sql = sql.chars().map(|c| if rng.bool() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect();
            // Paths keep their case: the folder is compared by name.
            sql = sql.replace(&db.to_ascii_lowercase(), &db).replace(&db.to_ascii_uppercase(), &db);
        }
        refused_with_and_without_write(&w, &sql);
    }
    assert_eq!(snapshot(&w), before, "the managed tables changed");
    assert_eq!(files(&w), files_before, "a refused statement wrote a file");
}

/// No file is ever written over the database, its write-ahead log or its workspace, whatever
/// the command and whatever --overwrite says.
#[test]
fn no_writer_replaces_the_database() {
    let (w, before, _) = workdir_with_a_table_of_the_users();
    let db = w.db().display().to_string();
    let workspace = w.path("test.workspace.duckdb").display().to_string();
    assert!(std::path::Path::new(&workspace).exists(), "the workspace is where the test expects it");
    for args in [
        vec!["sql", "SELECT 42", "-o", &db, "--overwrite", "--format", "csv"],
        vec!["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-o", &db, "--overwrite", "--format", "csv"],
        vec!["report", "--year", "2025", "--month", "10", "-o", &db, "--overwrite"],
        vec!["chart", "top_provinces", "-p", "year=2025", "-p", "month=10", "-o", &workspace, "--overwrite", "--format", "svg"],
        vec!["export", "top_provinces", "-p", "year=2025", "-p", "month=10", "--to", &workspace, "--overwrite", "--format", "csv"],
    ] {
        let (code, stderr) = w.fail(&args);
        assert_eq!(code, 1, "{args:?}");
        // `report` and `chart` speak Turkish unless told otherwise.
        let refused = ["never written over", "never writes a result over one", "hiçbir zaman onun üzerine yazılmaz", "hiçbir zaman bir veritabanının üzerine yazmaz"];
        assert!(refused.iter().any(|r| stderr.contains(r)), "{args:?}: {stderr}");
    }
    assert_eq!(snapshot(&w), before);
    assert_eq!(w.csv(&["sql", "SELECT x FROM mine"])[1], ["1"]);
}
