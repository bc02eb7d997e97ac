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
