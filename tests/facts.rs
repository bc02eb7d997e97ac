//! The kept facts (src/db/facts.rs, migration 010) always equal a fresh computation: each table
//! holds exactly what its view computes, on the bundled data, after a load, after an unload,
//! after a refresh of the bundled rows and after a migration; and the analyses show the new
//! figures at once. A view reads the data and the kept facts below it: each table equal to its
//! view, level by level from the facts that read only the data, is a fresh computation.

mod common;

use common::{Workdir, column};
use ihracat::db::facts::every_fact;

/// The kept facts that differ from their views, each with how many rows differ either way.
fn stale(w: &Workdir) -> Vec<String> {
    let mut found = Vec::new();
    for (table, view) in every_fact() {
        let rows = w.csv(&[
            "sql",
            &format!(
                "SELECT (SELECT count(*) FROM (FROM {table} EXCEPT ALL FROM {view})) AS only_kept,
                        (SELECT count(*) FROM (FROM {view} EXCEPT ALL FROM {table})) AS only_fresh,
                        (SELECT count(*) FROM {table}) AS kept"
            ),
        ]);
        let row = &rows[1];
        assert_ne!(row[2], "0", "{table} is empty");
        if row[0] != "0" || row[1] != "0" {
            found.push(format!("{table}: {} rows only kept, {} only fresh", row[0], row[1]));
        }
    }
    found
}

/// A complete panel for January 2018 and 2019 (each province's code in millions, and 10 % more
/// in 2019), in the long layout `load` reads, and İzmir's September 2024 as 1,700 million.
fn panel_file(w: &Workdir) -> std::path::PathBuf {
    let mut text = String::from("province,year,month,value_usd\n");
    for code in 1..=81 {
        text.push_str(&format!("{code},2018,1,{}\n", code * 1_000_000));
        text.push_str(&format!("{code},2019,1,{}\n", code * 1_100_000));
    }
    text.push_str("35,2024,9,1700000000\n");
    w.write("panel.csv", &text)
}

fn top(w: &Workdir, year: i32, month: u32, n: u32) -> Vec<Vec<String>> {
    w.csv(&["run", "top_provinces", "-p", &format!("year={year}"), "-p", &format!("month={month}"), "-p", &format!("n={n}")])
}

#[test]
fn the_kept_facts_equal_a_fresh_computation_through_loads_and_unloads() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    assert_eq!(stale(&w), Vec::<String>::new(), "on the bundled data");
    // İzmir September 2024 as the bundled data has it: a later page's 1,631 million.
    let before = top(&w, 2024, 9, 3);
    assert_eq!(column(&before, "province")[2], "İzmir");
    assert_eq!(column(&before, "value_usd")[2], "1631000000.00");

    let file = panel_file(&w);
    w.run(&["load", file.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(stale(&w), Vec::<String>::new(), "after the load");
    // The loaded panel is complete: the data ranks it, Kırıkkale (71) ... Düzce (81) first,
    // each up 10 % on January 2018 (81.1 million against 81, computed from the loaded values).
    let panel = top(&w, 2019, 1, 2);
    assert_eq!(column(&panel, "code"), ["81", "80"]);
    assert_eq!(column(&panel, "rank_origin"), ["computed", "computed"]);
    assert_eq!(column(&panel, "value_usd"), ["89100000.00", "88000000.00"]);
    assert_eq!(column(&panel, "change_pct"), ["10.0", "10.0"]);
    assert_eq!(column(&panel, "share_of")[0], "sum of all 81 provinces");
    let izmir = w.csv(&["run", "yoy_growth", "-p", "year=2024", "-p", "month=9"]);
    let i = izmir[0].iter().position(|c| c == "province").unwrap();
    let v = izmir[0].iter().position(|c| c == "value_usd").unwrap();
    let row = izmir[1..].iter().find(|r| r[i] == "İzmir").unwrap();
    assert_eq!(row[v], "1700000000.00", "the loaded value wins: {row:?}");
    // The releases' disagreement on that month is kept, refilled only with the releases; the
    // value chosen beside it is the load's (its own September release printed 1,627 million, a
    // later page 1,631 million).
    assert_eq!(izmir_revision(&w), ["1627000000.00", "1631000000.00", "1700000000.00"]);

    w.run(&["unload", "1"]);
    assert_eq!(stale(&w), Vec::<String>::new(), "after the unload");
    assert_eq!(izmir_revision(&w), ["1627000000.00", "1631000000.00", "1631000000.00"]);
    assert!(top(&w, 2019, 1, 2).len() == 1, "no ranks for January 2019 once the panel is unloaded");
    assert_eq!(top(&w, 2024, 9, 3), before, "the bundled figures are back");
}

/// `revisions`' İzmir September 2024: the lowest and highest release figure, and the value chosen.
fn izmir_revision(w: &Workdir) -> Vec<String> {
    let rows = w.csv(&["run", "revisions", "-p", "basis=activity"]);
    let at = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    let row = rows[1..].iter().find(|r| r[at("province")] == "İzmir" && r[at("year")] == "2024" && r[at("month")] == "9").unwrap();
    ["low_usd", "high_usd", "chosen_usd"].iter().map(|c| row[at(c)].clone()).collect()
}

/// İstanbul's chapters in the October 2025 report's facts: code, value and change.
fn istanbul_chapters(w: &Workdir) -> Vec<Vec<String>> {
    w.csv(&["sql", "SELECT item, value, change_pct FROM month_facts(2025, 10, 'activity') WHERE section = 'chapter' AND province = 'İstanbul'"])
}

#[test]
fn a_load_of_detail_refills_the_reports_detail_of_its_month_and_of_the_month_a_year_later() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    // The October 2025 release named İstanbul's first chapters (71 first, 793,422,000 dollars);
    // the bundled data has no October 2024 detail to compare them with.
    let before = istanbul_chapters(&w);
    assert_eq!(before[1], ["71", "793422000.00", ""]);

    // October 2024's chapter 71 for İstanbul, over all countries: a month the report of October
    // 2025 compares with, a year before the month the load touches.
    let file = w.write("istanbul-2024-10.csv", "il,yil,ay,fasil,deger_usd\nİstanbul,2024,10,71,700000000\n");
    w.run(&["load", file.to_str().unwrap(), "--basis", "activity"]);
    assert_eq!(stale(&w), Vec::<String>::new(), "after a load of detail");
    // (793,422,000 - 700,000,000) / 700,000,000 = 13.346 %, to two decimals 13.35.
    let after = istanbul_chapters(&w);
    assert_eq!(after[1], ["71", "793422000.00", "13.35"]);
    assert_eq!(after[2..], before[2..], "the chapters without a year-earlier value are as before");

    w.run(&["unload", "1"]);
    assert_eq!(stale(&w), Vec::<String>::new(), "after the unload");
    assert_eq!(istanbul_chapters(&w), before);
}

#[test]
fn a_changed_month_refills_the_year_to_dates_after_it_in_its_year_and_the_next() {
    let w = Workdir::new();
    // A complete panel for 2018 and 2019 (SYNTHETIC: each province's plate code in millions a
    // month, 10 % more in 2019), then Adana's March 2018 as 500 million instead of 1.
    let mut text = String::from("province,year,month,value_usd\n");
    for code in 1..=81 {
        for month in 1..=12 {
            text.push_str(&format!("{code},2018,{month},{}\n{code},2019,{month},{}\n", code * 1_000_000, code * 1_100_000));
        }
    }
    let panel = w.write("panel.csv", &text);
    w.run(&["load", panel.to_str().unwrap(), "--basis", "activity"]);
    let national = |year: u32, month: u32| {
        let rows = w.csv(&["sql", &format!("SELECT item, value FROM month_facts({year}, {month}, 'activity') WHERE section = 'national' ORDER BY item")]);
        rows[1..].iter().map(|r| (r[0].clone(), r[1].clone())).collect::<Vec<_>>()
    };
    // The year 2018: 12 months of 1 + 2 + … + 81 = 3,321 million.
    assert!(national(2018, 12).contains(&("total_exports".to_string(), "39852000000.00".to_string())), "{:?}", national(2018, 12));
    assert!(national(2019, 6).contains(&("total_change_pct".to_string(), "10.00".to_string())), "{:?}", national(2019, 6));
    let march = w.write("march.csv", "province,year,month,value_usd\n1,2018,3,500000000\n");
    w.run(&["load", march.to_str().unwrap(), "--basis", "activity", "--replace"]);
    assert_eq!(stale(&w), Vec::<String>::new(), "after a month in the middle of a complete year changed");
    // 499 million more in 2018, in December's facts (the year) nine months after the change.
    assert!(national(2018, 12).contains(&("total_exports".to_string(), "40351000000.00".to_string())), "{:?}", national(2018, 12));
    // And 2019's year to June compares with 2018's: 6 × 3,653.1 = 21,918.6 million against
    // 19,926 + 499 = 20,425 million, +7.31 %, which a national change gives to one decimal (it
    // was +10.0 before the change).
    assert!(national(2019, 6).contains(&("total_change_pct".to_string(), "7.30".to_string())), "{:?}", national(2019, 6));
}

#[test]
fn a_refresh_of_the_bundled_rows_and_a_migration_refill_the_facts() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    let before = top(&w, 2025, 10, 5);
    let over_before = w.csv(&["run", "over_threshold", "-p", "year=2025", "-p", "month=10"]);
    // An older binary's data (a data version that sorts before this one's) and facts gone stale.
    {
        let conn = duckdb::Connection::open(w.db()).unwrap();
        conn.execute_batch(
            "UPDATE ihracat_meta SET value = '2000-01-01.1' WHERE key = 'data_version';
             DELETE FROM facts_province_ranking; DELETE FROM facts_period_compare; DELETE FROM facts_release_revisions;
             DELETE FROM facts_published_national;",
        )
        .unwrap();
    }
    let output = w.run(&["provinces"]);
    assert!(common::text(&output.stderr).contains("refreshed the bundled data"), "{}", common::text(&output.stderr));
    assert_eq!(stale(&w), Vec::<String>::new(), "after the refresh");
    assert_eq!(top(&w, 2025, 10, 5), before);
    assert_eq!(w.csv(&["run", "over_threshold", "-p", "year=2025", "-p", "month=10"]), over_before, "the released count is kept again");

    // A version 9 database had no facts.
    {
        let conn = duckdb::Connection::open(w.db()).unwrap();
        let mut drops = String::new();
        for (table, view) in every_fact() {
            drops.push_str(&format!("DROP TABLE {table}; DROP VIEW {view};"));
        }
        conn.execute_batch(&format!("{drops} UPDATE ihracat_meta SET value = '9' WHERE key = 'schema_version';")).unwrap();
    }
    let output = w.run(&["provinces"]);
    assert!(common::text(&output.stderr).contains("from schema version 9 to"), "{}", common::text(&output.stderr));
    assert_eq!(stale(&w), Vec::<String>::new(), "after the migration");
    assert_eq!(top(&w, 2025, 10, 5), before);
}

/// How a span macro (migration 013) differs from its one-period macro called for each period of
/// the span, as the histories called it before: rows only in the span, rows only in the calls,
/// and how many rows the calls gave.
fn span_against_calls(w: &Workdir, name: &str, first: i32, last: i32, month: u32, period: &str, basis: &str) -> [u64; 3] {
    let span = format!("{name}_span({first}, {last}, {month}, '{period}', '{basis}')");
    let rows = w.csv(&[
        "sql",
        &format!(
            "WITH periods AS (
                 SELECT y::INTEGER AS year, m::INTEGER AS month FROM range({first}, {last} + 1) t(y), range(1, 13) s(m)
                 WHERE '{period}' = 'month' OR m = period_last_month('{period}', {month})),
             calls AS (SELECT p.year, p.month, x.* FROM periods p, LATERAL (FROM {name}(p.year, p.month, '{period}', '{basis}')) x)
             SELECT (SELECT count(*) FROM (FROM {span} EXCEPT ALL FROM calls)),
                    (SELECT count(*) FROM (FROM calls EXCEPT ALL FROM {span})),
                    (SELECT count(*) FROM calls)"
        ),
    ]);
    let number = |i: usize| rows[1][i].parse::<u64>().unwrap();
    [number(0), number(1), number(2)]
}

#[test]
fn a_span_of_periods_is_its_one_period_macro_for_each_period() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    let file = panel_file(&w);
    for stage in ["bundled data", "a loaded panel"] {
        if stage == "a loaded panel" {
            w.run(&["load", file.to_str().unwrap(), "--basis", "activity"]);
        }
        for name in ["province_ranks", "period_compare"] {
            let mut compared = 0;
            for (first, last, month, period, basis) in [
                (2012, 2026, 12, "month", "activity"),
                (2012, 2026, 5, "month", "registered"),
                (2018, 2025, 9, "ytd", "activity"),
                (2019, 2026, 3, "ytd", "registered"),
                (2012, 2026, 1, "year", "activity"),
                (2025, 2024, 12, "month", "activity"),
            ] {
                let [only_span, only_calls, calls] = span_against_calls(&w, name, first, last, month, period, basis);
                assert_eq!((only_span, only_calls), (0, 0), "{stage}: {name}_span({first}, {last}, {month}, {period}, {basis})");
                compared += calls;
            }
            assert!(compared > 100, "{stage}: {name} compared only {compared} rows");
        }
    }
}
