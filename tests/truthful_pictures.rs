//! Pictures and tables show what the data has and credit who said it (issue 29, part 4), a load
//! says how far it is from the figures it replaces, and the bundled data reaches the provinces
//! the monthly lists never name (part 5). Expected values come from the release copies in
//! tests/fixtures/releases/ or are written here by hand.

mod common;

use std::collections::BTreeSet;

use common::{Workdir, column, release_rows};

fn svg(w: &Workdir, args: &[&str]) -> String {
    let mut all = vec!["chart"];
    all.extend_from_slice(args);
    all.extend(["--format", "svg"]);
    w.stdout(&all)
}

/// The provinces a map colours, by name: the shapes that carry a value.
fn coloured(text: &str) -> BTreeSet<String> {
    let doc = roxmltree::Document::parse(text).unwrap();
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("province") && n.attribute("data-value").is_some())
        .map(|n| n.attribute("data-name").unwrap().to_string())
        .collect()
}

/// The provinces the release copies give an activity-basis value for a month (every file).
fn released_values(year: &str, month: &str) -> BTreeSet<String> {
    ["province_figures.csv", "province_figures_local.csv", "province_figures_local2.csv"]
        .iter()
        .flat_map(|f| release_rows(f))
        .filter(|r| r["year"] == year && r["month"] == month && r["period"] == "month" && r["basis"] == "activity" && r["metric"] == "exports")
        .map(|r| r["province"].clone())
        .collect()
}

#[test]
fn a_ranking_s_map_colours_every_province_with_a_value_and_counts_them() {
    let w = Workdir::new();
    let expected = released_values("2025", "10");
    assert_eq!(expected.len(), 8, "{expected:?}");
    for (lang, words) in [("tr", "81 ilden yalnızca 8 ilin değeri var"), ("en", "only 8 of 81 provinces have a value")] {
        let text = svg(&w, &["top_provinces", "-p", "year=2025", "-p", "month=10", "--kind", "map", "--lang", lang]);
        assert_eq!(coloured(&text), expected, "{lang}");
        assert!(text.contains(words), "{lang}: {text}");
    }
    // Every drawn value is a release's: the source line says the Ministry's, and nothing else.
    let text = svg(&w, &["top_provinces", "-p", "year=2025", "-p", "month=10", "--kind", "map"]);
    assert!(text.contains(">Kaynak: Ticaret Bakanlığı, faaliyet illerine göre ihracat<"), "{text}");
    // On the registered basis, TİM's.
    let text = svg(&w, &["period_exports", "-p", "year=2025", "-p", "month=10", "-p", "basis=registered"]);
    assert!(text.contains(">Kaynak: TİM ve ihracatçı birlikleri, ihracatçının kayıtlı olduğu ile göre ihracat<"), "{text}");
    // The top five's bar chart is still the release's five.
    let bars = svg(&w, &["top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=5"]);
    for province in ["İstanbul", "Kocaeli", "İzmir", "Bursa", "Ankara"] {
        assert!(bars.contains(province), "{province}");
    }
}

#[test]
fn a_chart_with_no_value_to_draw_says_why_instead_of_drawing_an_axis() {
    let w = Workdir::new();
    // Denizli has activity values in no month any release ranked it.
    let (code, stderr) = w.fail(&["chart", "rank_history", "-p", "province=Denizli", "-p", "from_year=2024", "-p", "to_year=2025", "--format", "svg", "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("nothing to draw"), "{stderr}");
    let (_, stderr) = w.fail(&["chart", "rank_history", "-p", "province=Denizli", "-p", "from_year=2024", "-p", "to_year=2025", "--format", "svg"]);
    assert!(stderr.contains("çizilecek bir şey yok") && !stderr.contains("nothing to draw"), "{stderr}");
    // Every shipped example that names a chart draws it (queries check draws them all).
    w.run(&["queries", "check"]);
}

#[test]
fn the_source_line_credits_what_the_drawn_rows_cite() {
    let w = Workdir::new();
    // Eight provinces the October 2025 release did not name, from the user's file, beside the
    // release's eight.
    let file = w.write(
        "my_panel.csv",
        "il,yıl,ay,ihracat (usd)\nAdana,2025,10,310000000\nAntalya,2025,10,250000000\nGaziantep,2025,10,900000000\nDenizli,2025,10,400000000\nKonya,2025,10,330000000\nKayseri,2025,10,350000000\nManisa,2025,10,720000000\nHatay,2025,10,280000000\n",
    );
    w.run(&["load", file.to_str().unwrap(), "--basis", "activity"]);
    let text = svg(&w, &["period_exports", "-p", "year=2025", "-p", "month=10"]);
    assert_eq!(coloured(&text).len(), 16);
    assert!(text.contains("Kaynak: Ticaret Bakanlığı, faaliyet illerine göre ihracat (8 değer); yüklenen dosya: my_panel.csv (8 değer)"), "{text}");
    let en = svg(&w, &["period_exports", "-p", "year=2025", "-p", "month=10", "--lang", "en"]);
    assert!(en.contains("Source: Ministry of Trade, exports by province of activity (8 values); loaded file: my_panel.csv (8 values)"), "{en}");
    // A chart of the loaded rows alone credits the file alone.
    let bars = svg(&w, &["yoy_growth", "-p", "year=2025", "-p", "month=10", "--kind", "bar", "--value", "value_usd"]);
    assert!(bars.contains("Kaynak: Ticaret Bakanlığı, faaliyet illerine göre ihracat (8 değer); yüklenen dosya: my_panel.csv (8 değer)"), "{bars}");
}

#[test]
fn a_heading_says_how_many_provinces_it_shows() {
    let w = Workdir::new();
    // November 2025's release ranked three provinces (İstanbul, Kocaeli, Bursa).
    let ranked: Vec<_> = release_rows("province_figures.csv")
        .into_iter()
        .filter(|r| r["year"] == "2025" && r["month"] == "11" && r["basis"] == "activity" && r["metric"] == "exports" && !r["rank"].is_empty())
        .collect();
    assert_eq!(ranked.len(), 3);
    let tr = w.stdout(&["report", "--year", "2025", "--month", "11", "--format", "markdown"]);
    assert!(tr.contains("## İlk üç il"), "{tr}");
    assert!(!tr.contains("İlk beş il"), "{tr}");
    let en = w.stdout(&["report", "--year", "2025", "--month", "11", "--format", "markdown", "--lang", "en"]);
    assert!(en.contains("## Top three provinces"), "{en}");
    let october = w.stdout(&["report", "--year", "2025", "--month", "10", "--format", "markdown"]);
    assert!(october.contains("## İlk beş il"), "{october}");
}

#[test]
fn a_load_that_replaces_published_figures_says_how_far_it_is_from_them() {
    let w = Workdir::new();
    // İstanbul at twice the release's 4,859 million (a registered-basis table loaded as activity
    // would look like this); Kocaeli within the release's rounding of 3,019 million.
    let file = w.write("doubled.csv", "il,yıl,ay,ihracat (usd)\nİstanbul,2025,10,9718000000\nKocaeli,2025,10,3019400000\n");
    let out = w.stdout(&["load", file.to_str().unwrap(), "--basis", "activity"]);
    assert!(out.contains("2 replaced bundled rows"), "{out}");
    assert!(out.contains("1 of the replaced bundled values differ from the published ones by more than their rounding"), "{out}");
    assert!(out.contains("İstanbul 2025-10: published 4,859,000,000, loaded 9,718,000,000 (+100.0 %)"), "{out}");
    assert!(!out.contains("Kocaeli 2025-10"), "{out}");
    assert!(out.contains("`ihracat loads 1` lists every row the load replaced"), "{out}");
    let rows = w.csv(&["loads", "1"]);
    assert_eq!(column(&rows, "province"), ["İstanbul", "Kocaeli"]);
    assert_eq!(column(&rows, "replaced_usd"), ["4859000000.00", "3019000000.00"]);
    assert_eq!(column(&rows, "loaded_usd"), ["9718000000.00", "3019400000.00"]);
    assert_eq!(column(&rows, "beyond_rounding"), ["true", "false"]);
    assert_eq!(column(&rows, "replaced_origin"), ["published", "published"]);
    let (code, stderr) = w.fail(&["loads", "7"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("there is no load 7"), "{stderr}");
}

#[test]
fn the_bundled_data_reaches_seventy_two_provinces() {
    let w = Workdir::new();
    let count = w.csv(&["sql", "SELECT count(DISTINCT province_code) FROM published_figures WHERE province_code IS NOT NULL"]);
    let provinces: usize = count[1][0].parse().unwrap();
    assert!(provinces >= 72, "{provinces} provinces have a published figure");
    // A handful of the second batch, written by hand from the pages' sentences.
    for (sql, expected) in [
        ("SELECT value FROM published_figures WHERE province_code = 52 AND year = 2024 AND month = 4 AND period = 'month' AND basis = 'unknown'", "28400000.00"),
        ("SELECT value FROM published_figures WHERE province_code = 67 AND year = 2020 AND period = 'year' AND basis = 'registered'", "436786727.00"),
        ("SELECT value FROM published_figures WHERE province_code = 37 AND year = 2024 AND period = 'year' AND basis = 'activity'", "133000000.00"),
        ("SELECT value FROM published_figures WHERE province_code = 37 AND year = 2024 AND period = 'year' AND basis = 'registered'", "314000000.00"),
        ("SELECT value FROM published_figures WHERE province_code = 56 AND year = 2019 AND month = 5 AND period = 'ytd' AND metric = 'exports' AND NOT derived", "16596000.00"),
        // "exports_prev_year": the same page's January-May 2018.
        ("SELECT value FROM published_figures WHERE province_code = 56 AND year = 2018 AND month = 5 AND period = 'ytd' AND metric = 'exports' AND NOT derived", "6898000.00"),
    ] {
        let out = w.stdout(&["sql", sql, "--format", "csv"]);
        let values: Vec<&str> = out.lines().skip(1).collect();
        assert_eq!(values.join("\n"), expected, "{sql}");
    }
    // Each figure of the batch keeps the sentence that states it.
    let quote = w.csv(&["sql", "SELECT quote FROM published_figures WHERE province_code = 52 AND year = 2024 AND month = 4 AND period = 'month'"]);
    assert_eq!(quote[1][0], "Ordu’da Nisan ayında gerçekleşen ihracat 28,4 milyon dolar oldu.");
    // A figure on an unknown basis feeds no analysis: Ordu has no activity value in April 2024.
    let rows = w.csv(&["run", "period_exports", "-p", "year=2024", "-p", "month=4"]);
    assert!(!column(&rows, "province").contains(&"Ordu".to_string()));
    // An approximate national total ("yaklaşık 260 milyar", to 10 billion) is kept but is no
    // share's denominator.
    let rows = w.csv(&["sql", "SELECT count(*) FROM published_figures WHERE metric = 'total_exports' AND value = 260000000000 AND basis = 'activity'"]);
    assert_eq!(rows[1], ["1"]);
    let rows = w.csv(&["sql", "SELECT count(*) FROM national_total(2025, 12, 'year', 'activity')"]);
    assert_eq!(rows[1], ["0"]);
}
