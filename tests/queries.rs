//! The query catalog: listing, showing, running with typed parameters, user catalogs and the
//! check (issue 4).

mod common;

use common::{Workdir, column};

const MY_QUERY: &str = "--- summary  Exports of one province in one year
--- param    province  province   any spelling
--- param    year      int 2000..2100
--- example  province=Bursa year=2025
SELECT month, value_usd FROM exports
WHERE province_code = $province AND year = $year AND basis = 'activity'
ORDER BY month
";

#[test]
fn queries_lists_the_shipped_catalog() {
    let w = Workdir::new();
    let rows = w.csv(&["queries"]);
    let names = column(&rows, "name");
    for expected in ["top_provinces", "yoy_growth", "top_increases", "over_threshold", "share_of_total", "coverage", "national_summary"] {
        assert!(names.contains(&expected.to_string()), "{expected} missing from {names:?}");
    }
    let i = names.iter().position(|n| n == "top_provinces").unwrap();
    assert_eq!(column(&rows, "category")[i], "rankings");
    assert_eq!(column(&rows, "source")[i], "sql/rankings/top_provinces.sql (shipped)");
    assert_eq!(column(&rows, "parameters")[i], "year month [n=10] [period=month] [basis=activity]");
}

/// `queries show` in Turkish: the title, the detail and the parameters' help as the file's
/// Turkish lines give them; names, types and the SQL as written.
#[test]
fn queries_show_speaks_turkish_when_asked() {
    let w = Workdir::new();
    let file = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sql/rankings/top_provinces.sql")).unwrap();
    let line = |key: &str| file.lines().find_map(|l| l.strip_prefix(key)).unwrap().trim().to_string();
    let shown = w.stdout(&["queries", "--locale", "tr", "show", "top_provinces"]);
    assert!(shown.starts_with(&format!("top_provinces — {}\n", line("--- summary_tr"))), "{shown}");
    assert!(shown.contains(&line("--- detail_tr")), "{shown}");
    assert!(shown.contains("parametreler:") && shown.contains("(zorunlu)") && shown.contains("kaç il"), "{shown}");
    assert!(shown.contains("FROM province_ranking($year, $month, $period, $basis)"), "the SQL as written");
    let english = w.stdout(&["queries", "show", "top_provinces"]);
    let described = &english[..english.find("\nsql:\n").unwrap()];
    assert!(described.contains(&line("--- detail ")) && !described.contains(&line("--- detail_tr")), "{english}");
}

#[test]
fn queries_show_prints_the_parameters_and_the_sql() {
    let w = Workdir::new();
    let text = w.stdout(&["queries", "show", "top_provinces"]);
    assert!(text.starts_with("top_provinces — Provinces ranked by exports"), "{text}");
    assert!(text.contains("year         int 2000..2100 (required)"), "{text}");
    assert!(text.contains("period       one_of(month, ytd, year) = month"), "{text}");
    assert!(text.contains("ihracat run top_provinces -p year=2025 -p month=10 -p n=5"), "{text}");
    assert!(text.contains("FROM province_ranking($year, $month, $period, $basis)"), "{text}");
    // The macros it is built on follow, down to the last one, each with its comments.
    // A macro that reads a kept fact is followed to the view that defines it.
    assert!(text.contains("\nmacro province_ranking (src/db/migrations/010_facts.sql):\n-- One period of province_ranking_all"), "{text}");
    assert!(text.contains("\nview province_ranking_all (src/db/migrations/010_facts.sql):\n-- Every ranked province of each period"), "{text}");
    assert!(text.contains("\nview province_ranks_all (src/db/migrations/017_places_not_given.sql):\n"), "{text}");
    assert!(text.contains("\nview stated_ranks_all (src/db/migrations/017_places_not_given.sql):\n-- Each province's ranked statement"), "{text}");
    assert!(text.contains("\nview period_compare_all (src/db/migrations/010_facts.sql):\n"), "{text}");
    assert!(text.contains("CREATE OR REPLACE VIEW period_values_all AS"), "{text}");
    assert!(text.contains("CREATE MACRO period_last_month(_period, _month)"), "{text}");
    assert_eq!(text.matches("\nmacro period_last_month ").count(), 1, "{text}");
}

#[test]
fn a_user_catalog_adds_and_overrides_queries() {
    let w = Workdir::new();
    w.write("mine/profiles/bursa_year.sql", MY_QUERY);
    w.write("mine/top_provinces.sql", "--- summary  My own ranking\nSELECT 'mine' AS whose\n");
    let rows = w.csv(&["--queries", "mine", "queries"]);
    let names = column(&rows, "name");
    let i = names.iter().position(|n| n == "top_provinces").unwrap();
    assert_eq!(column(&rows, "summary")[i], "My own ranking");
    assert!(column(&rows, "source")[i].ends_with("mine/top_provinces.sql"));
    let j = names.iter().position(|n| n == "bursa_year").unwrap();
    assert_eq!(column(&rows, "category")[j], "profiles");
    assert_eq!(w.csv(&["--queries", "mine", "run", "top_provinces"]), vec![vec!["whose"], vec!["mine"]]);
    let rows = w.csv(&["--queries", "mine", "run", "bursa_year", "-p", "province=BURSA", "-p", "year=2025"]);
    assert!(column(&rows, "month").contains(&"9".to_string()), "{rows:?}");
}

#[test]
fn later_catalogs_win_and_the_environment_is_read() {
    let w = Workdir::new();
    w.write("a/q.sql", "--- summary  from a\nSELECT 'a' AS source\n");
    w.write("b/q.sql", "--- summary  from b\nSELECT 'b' AS source\n");
    assert_eq!(w.csv(&["--queries", "a", "--queries", "b", "run", "q"])[1], vec!["b"]);
    let mut command = w.command(&["run", "q", "--format", "csv"]);
    command.env("IHRACAT_QUERIES", w.path("a"));
    let output = command.output().unwrap();
    assert_eq!(common::parse_csv(&common::text(&output.stdout))[1], vec!["a"]);
}

#[test]
fn parameters_are_bound_as_values_never_as_sql() {
    let w = Workdir::new();
    w.write("q/echo.sql", "--- summary  Echo\n--- param  t  text\nSELECT $t AS t, (SELECT count(*) FROM exports) > 0 AS exports_still_there\n");
    let evil = "'; DROP TABLE exports; --";
    let rows = w.csv(&["--queries", "q", "run", "echo", "-p", &format!("t={evil}")]);
    assert_eq!(rows[1], vec![evil.to_string(), "true".to_string()]);
    let rows = w.csv(&["sql", "SELECT count(*) > 0 AS ok FROM exports"]);
    assert_eq!(rows[1], vec!["true"]);
}

#[test]
fn province_parameters_accept_any_spelling() {
    let w = Workdir::new();
    let by_name = w.csv(&["run", "province_profile", "-p", "province=KOCAELİ", "-p", "year=2025"]);
    let by_code = w.csv(&["run", "province_profile", "-p", "province=41", "-p", "year=2025"]);
    assert_eq!(by_name, by_code);
    assert_eq!(column(&by_name, "value_usd")[9], "3019000000.00");
}

#[test]
fn bad_parameters_are_named_with_the_value_and_type() {
    let w = Workdir::new();
    let (code, stderr) = w.fail(&["run", "top_provinces", "-p", "year=twenty", "-p", "month=10"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("parameter `year`: `twenty` is not a valid int: expected a whole number"), "{stderr}");
    let (_, stderr) = w.fail(&["run", "top_provinces", "-p", "year=2025", "-p", "month=13"]);
    assert!(stderr.contains("parameter `month`: `13` is not a valid int: 13 is outside 1..12"), "{stderr}");
    let (_, stderr) = w.fail(&["run", "top_provinces", "-p", "year=2025"]);
    assert!(stderr.contains("parameter `month`: is required (int)"), "{stderr}");
    let (_, stderr) = w.fail(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "nn=3"]);
    assert!(stderr.contains("parameter `nn`: `top_provinces` has no such parameter; did you mean `n`?"), "{stderr}");
    // A parameter named by its label on a Turkish form (Yıl, Ay, İl) points to its name.
    let (_, stderr) = w.fail(&["run", "top_provinces", "-p", "yil=2025", "-p", "month=10"]);
    assert!(stderr.contains("parameter `yil`: `top_provinces` has no such parameter; did you mean `year`?"), "{stderr}");
    let (_, stderr) = w.fail(&["run", "province_profile", "-p", "İl=Bursa", "-p", "year=2025", "--locale", "tr"]);
    assert!(stderr.contains("`İl` parametresi: `province_profile` analizinin böyle bir parametresi yok; `province` mı demek istediniz?"), "{stderr}");
    let (_, stderr) = w.fail(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "period=quarter"]);
    assert!(stderr.contains("expected one of month, ytd, year"), "{stderr}");
    let (_, stderr) = w.fail(&["run", "top_provinces", "-p", "year"]);
    assert!(stderr.contains("`year` is not a parameter: write name=value"), "{stderr}");
    let (_, stderr) = w.fail(&["run", "province_profile", "-p", "province=Atlantis", "-p", "year=2025"]);
    assert!(stderr.contains("unknown province `Atlantis`"), "{stderr}");
}

/// Swapped years are refused before any SQL runs (`--- check from_year <= to_year`): they gave an
/// empty history, and `cagr` a growth rate over minus one year with the two ends swapped.
#[test]
fn years_out_of_order_are_refused_naming_the_later_parameter() {
    let w = Workdir::new();
    let (code, stderr) = w.fail(&["run", "rank_history", "-p", "province=Kocaeli", "-p", "from_year=2025", "-p", "to_year=2024"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("parameter `to_year`: `2024` must not be less than `from_year` (`2025`)"), "{stderr}");
    let (_, stderr) = w.fail(&["run", "threshold_history", "-p", "from_year=2025", "-p", "to_year=2023"]);
    assert!(stderr.contains("parameter `to_year`: `2023` must not be less than `from_year` (`2025`)"), "{stderr}");
    // A growth rate needs two years; a history can be one.
    let (_, stderr) = w.fail(&["run", "cagr", "-p", "from_year=2025", "-p", "to_year=2025"]);
    assert!(stderr.contains("parameter `to_year`: `2025` must be greater than `from_year` (`2025`)"), "{stderr}");
    let one_year = w.csv(&["run", "threshold_history", "-p", "from_year=2025", "-p", "to_year=2025"]);
    assert_eq!(column(&one_year, "year"), ["2025"]);
    let (_, stderr) = w.fail(&["run", "rank_history", "-p", "province=Kocaeli", "-p", "from_year=2025", "-p", "to_year=2024", "--locale", "tr"]);
    assert!(stderr.contains("`to_year` parametresi: `2024`, İlk yıl (`from_year`) değerinden (`2025`) küçük olamaz"), "{stderr}");
    let shown = w.stdout(&["queries", "show", "cagr"]);
    assert!(shown.contains("checked: from_year < to_year"), "{shown}");
    let described: serde_json::Value = serde_json::from_str(&w.stdout(&["queries", "show", "rank_history", "--format", "json"])).unwrap();
    assert_eq!(described["checks"], serde_json::json!(["from_year <= to_year"]));
}

/// A `check` line names two declared parameters of one type that has an order; anything else is
/// an error of the file and line.
#[test]
fn a_check_names_two_declared_parameters_of_one_ordered_type() {
    let w = Workdir::new();
    w.write("q/undeclared.sql", "--- summary  x\n--- param a int\n--- check a <= b\n--- example a=1\nSELECT $a AS a\n");
    w.write("q/types.sql", "--- summary  x\n--- param a int\n--- param b text\n--- check a < b\n--- example a=1 b=x\nSELECT $a AS a, $b AS b\n");
    w.write("q/operator.sql", "--- summary  x\n--- param a int\n--- param b int\n--- check a >= b\n--- example a=1 b=2\nSELECT $a AS a, $b AS b\n");
    let (code, stderr) = w.fail(&["--queries", "q", "queries", "check"]);
    assert_eq!(code, 1);
    for expected in [
        "undeclared.sql:3: `check a <= b` names `b`, which no `param` line declares",
        "types.sql:4: `check a < b` compares int with text: both must be int, both decimal or both date",
        "operator.sql:4: `check a >= b`: write two parameters and < or <= between them",
    ] {
        assert!(stderr.contains(expected), "missing `{expected}` in:\n{stderr}");
    }
    // A check may come before the lines it names; dates keep their order too.
    w.write("d/dates.sql", "--- summary  x\n--- check since < until\n--- param since date\n--- param until date = 2025-12-31\n--- example since=2025-01-01\nSELECT $since::DATE AS since, $until::DATE AS until\n");
    let rows = w.csv(&["--queries", "d", "run", "dates", "-p", "since=2025-06-01"]);
    assert_eq!(rows[1], ["2025-06-01", "2025-12-31"]);
    let (_, stderr) = w.fail(&["--queries", "d", "run", "dates", "-p", "since=2026-01-01"]);
    assert!(stderr.contains("parameter `until`: `2025-12-31` must be greater than `since` (`2026-01-01`)"), "{stderr}");
}

/// A reader who asked for Turkish (`--locale tr`, IHRACAT_LOCALE=tr, a chart's `--lang tr`) reads
/// the errors ihracat has Turkish words for in Turkish, as the pages say them.
#[test]
fn errors_are_said_in_the_language_the_reader_asked_for() {
    let w = Workdir::new();
    let (code, stderr) = w.fail(&["run", "province_profile", "-p", "province=Istanbl", "-p", "year=2025", "--locale", "tr"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("bilinmeyen il `Istanbl`; `İstanbul` mı demek istediniz?"), "{stderr}");
    let (_, stderr) = w.fail(&["run", "province_profile", "-p", "province=Istanbl", "-p", "year=2025"]);
    assert!(stderr.contains("unknown province `Istanbl`; did you mean `İstanbul`?"), "{stderr}");
    let output = w.command(&["run", "top_provinces", "-p", "year=2025", "-p", "month=13"]).env("IHRACAT_LOCALE", "tr").output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success() && stderr.contains("`month` parametresi: `13` geçerli değil"), "{stderr}");
    let (_, stderr) = w.fail(&["run", "market_concentration", "-p", "year=2025", "-p", "month=7", "--locale", "tr"]);
    assert!(stderr.contains("ülkelere göre tam tablolar gerektirir") && !stderr.contains("needs"), "{stderr}");
    let (_, stderr) = w.fail(&["chart", "province_profile", "-p", "province=Atlantis", "-p", "year=2025", "--format", "svg"]);
    assert!(stderr.contains("bilinmeyen il `Atlantis`"), "a chart is Turkish unless --lang en: {stderr}");
    let (_, stderr) = w.fail(&["chart", "province_profile", "-p", "province=Atlantis", "-p", "year=2025", "--format", "svg", "--lang", "en"]);
    assert!(stderr.contains("unknown province `Atlantis`"), "{stderr}");
}

#[test]
fn an_unknown_query_suggests_the_nearest_names() {
    let w = Workdir::new();
    let (code, stderr) = w.fail(&["run", "top_provinse"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("unknown query `top_provinse`; did you mean `top_provinces`?"), "{stderr}");
}

#[test]
fn named_queries_cannot_change_the_database() {
    let w = Workdir::new();
    w.write("q/drop.sql", "--- summary  Not an analysis\nDROP TABLE exports\n");
    w.write("q/sneaky.sql", "--- summary  Two statements\nSELECT 1; DELETE FROM exports\n");
    w.write("q/insert.sql", "--- summary  Writes\nINSERT INTO exports SELECT * FROM exports\n");
    for name in ["drop", "insert"] {
        let (_, stderr) = w.fail(&["--queries", "q", "run", name]);
        assert!(stderr.contains("must be one SELECT statement"), "{name}: {stderr}");
    }
    let (_, stderr) = w.fail(&["--queries", "q", "run", "sneaky"]);
    assert!(stderr.contains("query `sneaky`") && stderr.contains("must be one SELECT statement"), "{stderr}");
    w.write("q/two.sql", "--- summary  Two reads\nSELECT 1; SELECT 2\n");
    let (_, stderr) = w.fail(&["--queries", "q", "run", "two"]);
    assert!(stderr.contains("has 2 statements; it must be exactly one SELECT"), "{stderr}");
    assert_ne!(w.csv(&["sql", "SELECT count(*) FROM exports"])[1][0], "0");
}

/// A text that passed the one-SELECT check is remembered (so that `run` skips a query of its
/// own), and only that text: the same file changed into a write is checked again and refused.
#[test]
fn a_checked_query_text_is_remembered_and_a_changed_one_checked_again() {
    let w = Workdir::new();
    let marks = || std::fs::read_dir(w.path("xdg/cache/ihracat/checked")).map(|d| d.count()).unwrap_or(0);
    let read = "--- summary  A read\nSELECT count(*) AS n FROM exports\n";
    w.write("q/mine.sql", read);
    let first = w.csv(&["--queries", "q", "run", "mine"]);
    assert_eq!(marks(), 1, "one mark for the checked text");
    assert_eq!(w.csv(&["--queries", "q", "run", "mine"]), first);
    assert_eq!(marks(), 1, "the same text is not marked twice");
    w.write("q/mine.sql", "--- summary  A read\nDELETE FROM exports\n");
    let (_, stderr) = w.fail(&["--queries", "q", "run", "mine"]);
    assert!(stderr.contains("must be one SELECT statement"), "{stderr}");
    w.write("q/mine.sql", "--- summary  A read\nSELECT 1; DELETE FROM exports\n");
    let (_, stderr) = w.fail(&["--queries", "q", "run", "mine"]);
    assert!(stderr.contains("must be one SELECT statement"), "{stderr}");
    assert_eq!(marks(), 1, "a refused text is not remembered");
    assert_eq!(w.csv(&["sql", "SELECT count(*) AS n FROM exports"]), first, "nothing was deleted");
}

#[test]
fn queries_check_passes_on_the_shipped_catalog() {
    let w = Workdir::new();
    let output = w.run(&["queries", "check"]);
    assert!(common::text(&output.stderr).contains("all parse, prepare and run their examples"), "{}", common::text(&output.stderr));
}

#[test]
fn queries_check_catches_each_kind_of_mistake() {
    let w = Workdir::new();
    w.write("bad/header.sql", "--- summary  x\n--- parm year int\nSELECT 1\n");
    w.write("bad/undeclared.sql", "--- summary  x\nSELECT $year AS y\n");
    w.write("bad/unused.sql", "--- summary  x\n--- param year int = 2025\nSELECT 1 AS one\n");
    w.write("bad/sql_error.sql", "--- summary  x\nSELECT * FROM no_such_table\n");
    w.write("bad/returns.sql", "--- summary  x\n--- returns  a int, b int\nSELECT 1 AS a\n");
    w.write("bad/types.sql", "--- summary  x\n--- returns  a decimal, b int\nSELECT 1.5::DOUBLE AS a, 2 AS b\n");
    w.write("bad/example.sql", "--- summary  x\n--- param year int\n--- example year=abc\nSELECT $year AS y\n");
    w.write("bad/no_example.sql", "--- summary  x\n--- param year int\nSELECT $year AS y\n");
    w.write("bad/write.sql", "--- summary  x\nDELETE FROM exports\n");
    let (code, stderr) = w.fail(&["--queries", "bad", "queries", "check"]);
    assert_eq!(code, 1);
    let expectations = [
        "header.sql:2: unknown header key `parm` (did you mean `param`?)",
        "query `undeclared` uses $year, which its header does not declare",
        "query `unused` declares parameter `year` but its SQL never uses $year",
        "no_such_table",
        "returns declares columns [a, b] but the query gives [a]",
        "returns declares `a` decimal but the query gives Float64",
        "example `year=abc`: parameter `year`: `abc` is not a valid int",
        "has required parameters but no `--- example`",
        "must be one SELECT statement",
    ];
    for expected in expectations {
        assert!(stderr.contains(expected), "missing `{expected}` in:\n{stderr}");
    }
    assert!(stderr.contains("problems"), "{stderr}");
    // The same findings for a Turkish reader; DuckDB's own words stay English.
    let out = w.command(&["--queries", "bad", "queries", "check"]).env("IHRACAT_LOCALE", "tr").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let turkish = common::text(&out.stderr);
    for expected in [
        "header.sql:2: bilinmeyen başlık anahtarı `parm` (`param` mı demek istediniz?); anahtarlar: summary,",
        "`undeclared` sorgusu $year kullanıyor ama başlığı bunu bildirmiyor",
        "`unused` sorgusu `year` parametresini bildiriyor ama SQL'i $year hiç kullanmıyor",
        "no_such_table",
        "returns [a, b] sütunlarını bildiriyor ama sorgu [a] veriyor",
        "returns `a` için decimal bildiriyor ama sorgu Float64 veriyor",
        "`year=abc` örneği: `year` parametresi: `abc` geçerli değil: bir tam sayı bekleniyor",
        "zorunlu parametreleri var ama onları denetleyecek bir `--- example` yok",
        "tek bir SELECT ifadesi olmalı (hiçbir şeyi değiştiremez)",
    ] {
        assert!(turkish.contains(expected), "missing `{expected}` in:\n{turkish}");
    }
}

/// Issue 17, 13 and 16: a query folder with a FIFO, a symlink to /dev/zero and a file that is not
/// UTF-8 lists them as broken; every other query still runs, and nothing hangs.
#[test]
fn unreadable_query_files_are_broken_entries_not_a_stop() {
    let w = Workdir::new();
    w.write("q/latin5.sql", b"--- summary  \xDDl\xE7e\nSELECT 1\n".to_vec());
    let dir = w.path("q");
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.sql")).unwrap();
    let fifo = dir.join("pipe.sql");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let mut child = w
        .command(&["--queries", dir.to_str().unwrap(), "queries"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Bounded: a run that hangs is killed and fails here, it does not hold the suite.
    let mut waited = 0;
    while child.try_wait().unwrap().is_none() && waited < 600 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        waited += 1;
    }
    if child.try_wait().unwrap().is_none() {
        child.kill().unwrap();
        panic!("ihracat queries hung on the query folder");
    }
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let stderr = common::text(&output.stderr);
    for expected in ["latin5.sql: not UTF-8 text", "zero.sql: not a regular file", "pipe.sql: not a regular file"] {
        assert!(stderr.contains(expected), "{expected} in {stderr}");
    }
    let rows = w.csv(&["--queries", dir.to_str().unwrap(), "run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=1"]);
    assert_eq!(common::column(&rows, "province"), ["İstanbul"]);
}

/// Issue 17, 20: list(date) items were bound as NULL and list(decimal) went through f64.
#[test]
fn list_parameters_keep_dates_and_exact_decimals() {
    let w = Workdir::new();
    w.write(
        "q/lists.sql",
        "--- summary  Lists back\n--- param    days    list(date)\n--- param    amounts list(decimal)\n--- example  days=2025-10-01 amounts=1\nSELECT unnest($days::DATE[]) AS day, unnest($amounts::DECIMAL(18, 2)[]) AS amount\n",
    );
    let dir = w.path("q");
    let rows = w.csv(&["--queries", dir.to_str().unwrap(), "run", "lists", "-p", "days=2025-10-01,2024-02-29", "-p", "amounts=1000000000123.45,2"]);
    assert_eq!(rows[1..], [["2025-10-01", "1000000000123.45"], ["2024-02-29", "2.00"]]);
}

/// A query file of one's own that does not parse says why where it is run, not "unknown query"
/// (issue 31: a `--- parm` line).
#[test]
fn a_broken_query_file_says_why_where_it_is_run() {
    let w = Workdir::new();
    w.write("q/chapter_months.sql", "--- summary  Chapters by month\n--- parm  year int 2000..2100\nSELECT $year AS year\n");
    let dir = w.path("q");
    for command in [vec!["run", "chapter_months", "-p", "year=2025"], vec!["queries", "show", "chapter_months"]] {
        let mut args = vec!["--queries", dir.to_str().unwrap()];
        args.extend(command.iter().copied());
        let (code, stderr) = w.fail(&args);
        assert_ne!(code, 0);
        assert!(stderr.contains("chapter_months.sql:2:") && stderr.contains("parm"), "{stderr}");
        assert!(!stderr.contains("unknown query"), "{stderr}");
    }
}

/// A malformed list or number is an error with its parameter, never an empty result.
#[test]
fn malformed_lists_and_numbers_are_refused() {
    let w = Workdir::new();
    let base = ["run", "province_country_matrix", "-p", "year=2025", "-p", "month=7", "-p", "countries=DE"];
    for (value, expected) in [
        ("provinces=[İstanbul]", "write a list as its items"),
        ("provinces=", "an empty list"),
        ("provinces=İstanbul,,Kocaeli", "has an empty item"),
    ] {
        let mut args = base.to_vec();
        args.extend(["-p", value]);
        let (code, stderr) = w.fail(&args);
        assert_ne!(code, 0);
        assert!(stderr.contains("parameter `provinces`") && stderr.contains(expected), "{value}: {stderr}");
    }
    let (_, stderr) = w.fail(&["run", "over_threshold", "-p", "year=2025", "-p", "month=10", "-p", "threshold=1_000"]);
    assert!(stderr.contains("parameter `threshold`") && stderr.contains("expected a number"), "{stderr}");
    // Well-formed ones run.
    let mut args = base.to_vec();
    args.extend(["-p", "provinces=İstanbul,Kocaeli"]);
    w.run(&args);
}
