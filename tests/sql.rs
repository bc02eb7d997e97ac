//! Ad-hoc SQL: statements, scripts, stdin, errors with their position, and what --write may
//! touch (issue 7).

mod common;

use std::io::Write;
use std::process::Stdio;

use common::Workdir;

#[test]
fn a_script_prints_each_result_in_order() {
    let w = Workdir::new();
    let script = w.write("analysis.sql", "-- two results\nSELECT 1 AS a;\n\nSELECT 'ikinci' AS b;\n");
    let text = w.stdout(&["sql", "-f", script.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(text, "a\n1\n\nb\nikinci\n");
    let markdown = w.stdout(&["sql", "-f", script.to_str().unwrap(), "--format", "markdown"]);
    assert_eq!(markdown, "| a |\n| ---: |\n| 1 |\n\n| b |\n| --- |\n| ikinci |\n");
}

#[test]
fn sql_reads_stdin() {
    let w = Workdir::new();
    let mut child = w.command(&["sql", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"SELECT name FROM provinces WHERE code = 76;").unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert_eq!(common::text(&output.stdout), "name\nIğdır\n");
}

#[test]
fn an_error_stops_the_script_and_names_its_place() {
    let w = Workdir::new();
    let script = w.write("broken.sql", "SELECT 1 AS first;\n\nSELECT *\nFROM no_such_table;\nSELECT 3 AS never;\n");
    let output = w.command(&["sql", "-f", script.to_str().unwrap()]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(common::text(&output.stdout), "first\n1\n");
    let stderr = common::text(&output.stderr);
    assert!(stderr.contains("statement 2 (line 3)"), "{stderr}");
    assert!(stderr.contains("no_such_table"), "{stderr}");
}

#[test]
fn into_a_file_only_one_statement_may_return_rows() {
    let w = Workdir::new();
    let out = w.path("out.parquet");
    let (_, stderr) = w.fail(&["sql", "SELECT 1; SELECT 2", "-o", out.to_str().unwrap()]);
    assert!(stderr.contains("2 statements return rows (statement 1 (line 1), statement 2 (line 1))"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn without_write_nothing_changes() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    // Refused before anything runs: DuckDB's parser does not call them queries.
    for statement in ["CREATE TABLE mine AS SELECT 1 AS a", "DELETE FROM exports"] {
        let (_, stderr) = w.fail(&["sql", statement]);
        assert!(stderr.contains("this command only reads") && stderr.contains("add --write"), "{stderr}");
    }
}

#[test]
fn with_write_users_keep_their_own_tables_but_not_the_managed_ones() {
    let w = Workdir::new();
    let out = w.run(&["sql", "--write", "CREATE TABLE mine AS SELECT name FROM provinces WHERE code < 3; CREATE VIEW big AS SELECT * FROM exports WHERE value_usd > 1e9"]);
    // Plates 1 and 2: Adana and Adıyaman.
    assert_eq!(common::text(&out.stderr), "ihracat: note: statement 1 (line 1): 2 rows changed\n");
    let out = w.run(&["sql", "--write", "INSERT INTO mine VALUES ('x')"]);
    assert_eq!(common::text(&out.stderr), "ihracat: note: statement 1 (line 1): 1 row changed\n");
    w.run(&["sql", "--write", "DELETE FROM mine WHERE name = 'x'"]);
    assert_eq!(w.csv(&["sql", "SELECT * FROM mine ORDER BY name"]), vec![vec!["name"], vec!["Adana"], vec!["Adıyaman"]]);
    assert_ne!(w.csv(&["sql", "SELECT count(*) FROM big"])[1][0], "0");
    let before = w.csv(&["sql", "SELECT count(*), sum(value_usd) FROM exports"]);
    for statement in ["DELETE FROM exports", "UPDATE provinces SET name = 'x'", "DROP TABLE published_figures", "INSERT INTO loads (load_id) VALUES (99)"] {
        let (_, stderr) = w.fail(&["sql", "--write", statement]);
        // Named by what the user wrote (DuckDB calls a prepared DELETE an "EXECUTE", issue 31).
        let keyword = statement.split(' ').next().unwrap();
        assert!(
            stderr.contains(&format!("{keyword} would change the managed database, which ad-hoc SQL only reads")) || stderr.contains("read-only"),
            "{statement}: {stderr}"
        );
        assert!(!stderr.contains("EXECUTE"), "{statement}: {stderr}");
    }
    assert_eq!(w.csv(&["sql", "SELECT count(*), sum(value_usd) FROM exports"]), before);
}

#[test]
fn read_only_refuses_write() {
    let w = Workdir::new();
    let (code, stderr) = w.fail(&["--read-only", "sql", "--write", "SELECT 1"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("--read-only was given"), "{stderr}");
}

#[test]
fn shell_reads_statements_from_a_pipe() {
    let w = Workdir::new();
    let mut child = w.command(&["shell", "--format", "csv"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"SELECT 1 AS a;\nSELECT\n  2 AS b;\n").unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert_eq!(common::text(&output.stdout), "a\n1\n\nb\n2\n");
}

#[test]
fn usage_errors_exit_2() {
    let w = Workdir::new();
    let output = w.command(&["run"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    let w = Workdir::new();
    for command in ["provinces", "queries", "run", "sql", "shell", "export", "report", "info", "completions"] {
        let text = w.stdout(&[command, "--help"]);
        // An example is a line of its own that runs this very command (the usage line does not).
        let example = format!("ihracat {command} ");
        assert!(text.contains("Examples:") || text.contains("Example:"), "{command} --help has no examples:\n{text}");
        assert!(text.lines().any(|l| l.trim_start().starts_with(&example)), "{command} --help has no example of `{example}`:\n{text}");
    }
}

#[test]
fn completions_are_generated() {
    let w = Workdir::new();
    let text = w.stdout(&["completions", "bash"]);
    assert!(text.contains("_ihracat()"), "{}", &text[..200.min(text.len())]);
}

#[test]
fn a_closed_pipe_is_not_an_error_for_completions() {
    let w = Workdir::new();
    // As `ihracat completions bash | head -0`: the reader is gone before anything is written.
    let mut child = w.command(&["completions", "bash"]).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_write_without_write_says_how_to_allow_it() {
    let w = Workdir::new();
    let (code, stderr) = w.fail(&["sql", "CREATE TABLE mine AS SELECT 1 AS x"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("add --write to create your own tables and views"), "{stderr}");
}
