//! Charts as users draw them (issue 18): the SVG is parsed as XML and every shape, bar and
//! point is checked against values worked out here, from a table this test writes and loads, or
//! from the release copies in tests/fixtures/releases.

mod common;

use std::collections::BTreeMap;

use common::{Workdir, column};

/// The bundled map's fill for a province without a value.
const GREY: &str = "#d4d4d4";

/// A complete activity-basis panel for October 2025 and October 2024, loaded as a user would:
/// province `code` exported `code` × 10 million USD in October 2025 and (60 + code)% of that a
/// year earlier, so that changes have both signs.
fn complete_panel() -> Workdir {
    let w = Workdir::new();
    let provinces = w.csv(&["provinces"]);
    let mut csv = String::from("province,year,month,value_usd\n");
    for name in column(&provinces, "name") {
        let code: i64 = provinces.iter().find(|r| r[1] == name).map(|r| r[0].parse().unwrap()).unwrap();
        csv.push_str(&format!("{},2025,10,{}\n", name.to_uppercase(), october_2025(code)));
        csv.push_str(&format!("{},2024,10,{}\n", name, october_2024(code)));
    }
    let path = w.write("complete.csv", csv);
    w.run(&["load", path.to_str().unwrap(), "--basis", "activity"]);
    w
}

fn october_2025(code: i64) -> i64 {
    code * 10_000_000
}

fn october_2024(code: i64) -> i64 {
    // (60 + code)% of October 2025: codes below 40 rose, 40 stayed level, codes above 40 fell.
    code * 100_000 * (60 + code)
}

fn svg(w: &Workdir, args: &[&str]) -> String {
    let mut all = vec!["chart"];
    all.extend_from_slice(args);
    all.extend(["--format", "svg"]);
    w.stdout(&all)
}

fn attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> &'a str {
    node.attribute(name).unwrap_or_else(|| panic!("<{}> has no {name}", node.tag_name().name()))
}

fn with_class<'a, 'i>(doc: &'a roxmltree::Document<'i>, class: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    doc.descendants().filter(|n| n.attribute("class") == Some(class)).collect()
}

/// The legend's classes as the map prints them: (low, high, last, colour).
fn legend(doc: &roxmltree::Document) -> Vec<(f64, f64, bool, String)> {
    with_class(doc, "legend-item")
        .into_iter()
        .filter(|g| g.attribute("data-class") != Some("none"))
        .map(|g| {
            let swatch = g.children().find(|c| c.has_tag_name("rect")).unwrap();
            (attr(g, "data-low").parse().unwrap(), attr(g, "data-high").parse().unwrap(), attr(g, "data-last") == "true", attr(swatch, "fill").to_string())
        })
        .collect()
}

/// The colour the legend gives a value: a class holds its low bound and, for the last, its high.
fn legend_colour(classes: &[(f64, f64, bool, String)], value: f64) -> String {
    let matching: Vec<_> = classes.iter().filter(|(low, high, last, _)| value >= *low && (value < *high || (*last && value <= *high))).collect();
    assert_eq!(matching.len(), 1, "{value} falls in {} legend classes: {classes:?}", matching.len());
    matching[0].3.clone()
}

#[test]
fn every_shape_is_one_province_and_a_complete_panel_shades_them_all() {
    let w = complete_panel();
    let text = svg(&w, &["top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=81", "--kind", "map"]);
    let doc = roxmltree::Document::parse(&text).expect("the map is well-formed XML");
    let shapes = with_class(&doc, "province");
    assert_eq!(shapes.len(), 81);
    let plates: Vec<i64> = shapes.iter().map(|s| attr(*s, "data-plate").parse().unwrap()).collect();
    let mut sorted = plates.clone();
    sorted.sort();
    assert_eq!(sorted, (1..=81).collect::<Vec<_>>(), "each plate code once");
    let classes = legend(&doc);
    assert!(classes.len() >= 2, "{classes:?}");
    for shape in &shapes {
        let plate: i64 = attr(*shape, "data-plate").parse().unwrap();
        let value: f64 = attr(*shape, "data-value").parse().unwrap();
        assert_eq!(value, october_2025(plate) as f64, "province {plate}");
        assert_eq!(attr(*shape, "fill"), legend_colour(&classes, value), "province {plate} ({value})");
        assert!(!attr(*shape, "d").is_empty());
    }
    assert!(shapes.iter().all(|s| attr(*s, "fill") != GREY));
    // Worked independently of the legend: the 81 values are evenly spread (code × 10 million),
    // so five quantile classes hold 16 or 17 provinces each, in order of value, the lowest class
    // from the smallest value and the highest to the largest.
    assert_eq!(classes.len(), 5, "{classes:?}");
    let class_of_fill = |fill: &str| classes.iter().position(|c| c.3 == fill).unwrap();
    let mut by_value: Vec<(i64, usize)> = shapes.iter().map(|s| (attr(*s, "data-plate").parse::<i64>().unwrap(), class_of_fill(attr(*s, "fill")))).collect();
    by_value.sort();
    assert!(by_value.windows(2).all(|pair| pair[0].1 <= pair[1].1), "classes follow the values: {by_value:?}");
    let per_class: Vec<usize> = (0..5).map(|i| by_value.iter().filter(|(_, c)| *c == i).count()).collect();
    assert!(per_class.iter().all(|n| (16..=17).contains(n)), "about 81/5 a class: {per_class:?}");
    assert_eq!((classes[0].0, classes[4].1), (october_2025(1) as f64, october_2025(81) as f64));
    assert!(!text.contains("veri yok"), "nothing is missing on a complete panel");
    assert!(!text.contains("Eksik veri"));
    // The plate codes go with the right outlines: İstanbul (34) lies north-west of Van (65).
    let name_of = |plate: &str| shapes.iter().find(|s| attr(**s, "data-plate") == plate).map(|s| attr(*s, "data-name")).unwrap();
    assert_eq!((name_of("34"), name_of("65"), name_of("76")), ("İstanbul", "Van", "Iğdır"));
    // The source is the loaded file, and the boundaries are attributed.
    assert!(text.contains(">Kaynak: yüklenen dosya: complete.csv<"), "{text}");
    assert!(text.contains("Natural Earth"));
}

#[test]
fn changes_diverge_around_zero_with_natural_breaks_too() {
    let w = complete_panel();
    for breaks in ["quantile", "jenks"] {
        let text = svg(&w, &["yoy_growth", "-p", "year=2025", "-p", "month=10", "--breaks", breaks, "--classes", "6"]);
        let doc = roxmltree::Document::parse(&text).unwrap();
        let classes = legend(&doc);
        assert!(classes.iter().any(|c| c.1 == 0.0) && classes.iter().any(|c| c.0 == 0.0), "zero is a bound: {classes:?}");
        let shapes = with_class(&doc, "province");
        assert_eq!(shapes.len(), 81);
        let mut fills_by_sign: BTreeMap<bool, Vec<String>> = BTreeMap::new();
        for shape in &shapes {
            let plate: i64 = attr(*shape, "data-plate").parse().unwrap();
            let value: f64 = attr(*shape, "data-value").parse().unwrap();
            let expected = (october_2025(plate) - october_2024(plate)) as f64 / october_2024(plate) as f64 * 100.0;
            assert!((value - expected).abs() < 0.01, "province {plate}: {value} against {expected}");
            assert_eq!(attr(*shape, "fill"), legend_colour(&classes, value));
            fills_by_sign.entry(value < 0.0).or_default().push(attr(*shape, "fill").to_string());
        }
        // No colour is used on both sides of zero.
        let (falls, rises) = (&fills_by_sign[&true], &fills_by_sign[&false]);
        assert!(falls.iter().all(|f| !rises.contains(f)), "{breaks}: {falls:?} / {rises:?}");
    }
}

#[test]
fn the_seed_month_draws_the_release_and_greys_the_rest() {
    let w = Workdir::new();
    let text = svg(&w, &["top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=81", "--kind", "map"]);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let shapes = with_class(&doc, "province");
    assert_eq!(shapes.len(), 81);
    // The October 2025 release named five provinces (tests/fixtures/releases/province_figures.csv)
    // and regional pages three more (province_figures_local.csv): a ranking's map colours every
    // province with a value, not only the ranked ones (design rule 41).
    let valued: BTreeMap<&str, f64> = shapes.iter().filter_map(|s| s.attribute("data-value").map(|v| (attr(*s, "data-name"), v.parse().unwrap()))).collect();
    assert_eq!(
        valued,
        BTreeMap::from([
            ("İstanbul", 4_859_000_000.0),
            ("Kocaeli", 3_019_000_000.0),
            ("İzmir", 1_929_000_000.0),
            ("Bursa", 1_821_000_000.0),
            ("Ankara", 1_107_000_000.0),
            ("Aydın", 194_800_000.0),
            ("Muğla", 131_300_000.0),
            ("Kütahya", 90_400_000.0)
        ])
    );
    for shape in &shapes {
        assert_eq!(attr(*shape, "fill") == GREY, shape.attribute("data-value").is_none(), "{}", attr(*shape, "data-name"));
    }
    let none = with_class(&doc, "legend-item").into_iter().find(|g| g.attribute("data-class") == Some("none")).expect("a no-data legend item");
    assert!(none.descendants().any(|n| n.text() == Some("veri yok (73)")));
    let warning: String = with_class(&doc, "warning").iter().filter_map(|n| n.text()).collect::<Vec<_>>().join(" ");
    assert!(warning.starts_with("Not: ") && warning.contains("81 ilden yalnızca 8 ilin"), "{warning}");
    // The caveat is a caption under the map, in the source's small grey type, above the source:
    // an editor who crops the title keeps it.
    let y = |n: roxmltree::Node| attr(n, "y").parse::<f64>().unwrap();
    let (notes, sources) = (with_class(&doc, "warning"), with_class(&doc, "source"));
    let lowest_shape_label = with_class(&doc, "legend-label").iter().map(|n| y(*n)).fold(0.0, f64::max);
    assert!(notes.iter().all(|n| y(*n) > lowest_shape_label && y(*n) < y(sources[0])), "the note is between the map and the source");
    assert!(notes.iter().all(|n| attr(*n, "font-size") == attr(sources[0], "font-size") && attr(*n, "fill") == attr(sources[0], "fill")));
}

#[test]
fn bars_follow_the_query_order_and_the_axis_covers_them() {
    let w = Workdir::new();
    let text = svg(&w, &["top_increases", "-p", "year=2025", "-p", "month=10"]);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let bars = with_class(&doc, "bar");
    // The October 2025 release's five largest increases, in its order, in million USD.
    let expected = [("Kocaeli", 191.0), ("İzmir", 173.0), ("Çorum", 135.0), ("Yalova", 119.0), ("Bursa", 90.0)];
    let got: Vec<(&str, f64)> = bars.iter().map(|b| (attr(*b, "data-label"), attr(*b, "data-value").parse::<f64>().unwrap() / 1e6)).collect();
    assert_eq!(got, expected);
    let labels: Vec<&str> = with_class(&doc, "value-label").iter().filter_map(|n| n.text()).collect();
    assert_eq!(labels, ["191 milyon $", "173 milyon $", "135 milyon $", "119 milyon $", "90 milyon $"]);
    let names: Vec<&str> = with_class(&doc, "bar-label").iter().filter_map(|n| n.text()).collect();
    assert_eq!(names, ["Kocaeli", "İzmir", "Çorum", "Yalova", "Bursa"]);
    let ticks: Vec<f64> = with_class(&doc, "tick").iter().map(|t| attr(*t, "data-value").parse().unwrap()).collect();
    assert!(ticks.first().unwrap() <= &0.0 && *ticks.last().unwrap() >= 191e6, "{ticks:?}");
    // Bars are as long as their values: Kocaeli's is 191/90 of Bursa's.
    let width = |i: usize| attr(bars[i], "width").parse::<f64>().unwrap();
    assert!((width(0) / width(4) - 191.0 / 90.0).abs() < 0.02);
    assert!(text.contains("Kaynak: Ticaret Bakanlığı, faaliyet illerine göre ihracat"));
    assert!(text.contains("İhracatı bir yıl önceki aynı döneme göre en çok artan iller"));
    assert!(text.contains("Ekim 2025"));
}

/// A province whose value for the month is loaded keeps no change against the release's value a
/// year earlier (design rule 9): its bar and its shape say "değişim verilmiyor" and a note says
/// why, where they said "veri yok", though the province has a value.
#[test]
fn a_province_with_a_value_but_no_change_is_not_drawn_as_without_data() {
    let w = Workdir::new();
    // February 2026 as the release printed it (dunya.com, "40 il ihracatını artırdı"): İstanbul
    // 4,287, Kocaeli 2,944, Bursa 1,702 million USD; Bursa loaded 100 million above it.
    w.write("subat.csv", "province,year,month,value_usd\nİstanbul,2026,2,4287000000\nKocaeli,2026,2,2944000000\nBursa,2026,2,1802000000\n");
    w.run(&["load", "subat.csv", "--basis", "activity"]);

    // The release's five largest increases: Bursa 255, Ankara 131, Kocaeli 86, Adana 59 and
    // Yalova 51 million. Bursa's and Kocaeli's stand beside loaded values, so they are not shown.
    let text = svg(&w, &["top_increases", "-p", "year=2026", "-p", "month=2"]);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let got: Vec<(&str, f64)> = with_class(&doc, "bar").iter().map(|b| (attr(*b, "data-label"), attr(*b, "data-value").parse::<f64>().unwrap() / 1e6)).collect();
    assert_eq!(got, [("Ankara", 131.0), ("Adana", 59.0), ("Yalova", 51.0)]);
    let missing: Vec<&str> = doc.descendants().filter(|n| n.attribute("class") == Some("bar-missing")).map(|n| attr(n, "data-label")).collect();
    assert_eq!(missing, ["Bursa", "Kocaeli"]);
    let labels: Vec<&str> = with_class(&doc, "value-label").iter().filter_map(|n| n.text()).collect();
    assert_eq!(labels, ["değişim verilmiyor", "131 milyon $", "değişim verilmiyor", "59 milyon $", "51 milyon $"]);
    let warning: String = with_class(&doc, "warning").iter().filter_map(|n| n.text()).collect::<Vec<_>>().join(" ");
    assert!(warning.contains("Değişim verilmiyor (Bursa ve Kocaeli): dönem için değerleri var"), "{warning}");
    let english = svg(&w, &["top_increases", "-p", "year=2026", "-p", "month=2", "--lang", "en"]);
    assert!(english.contains(">no change given<") && !english.contains("no data"), "{english}");
    assert!(english.contains("No change given (Bursa and Kocaeli): each has a value for the period"), "{english}");

    // The map of changes: the three loaded provinces hatched, the release's other three coloured
    // with its changes, and the 75 provinces no release named grey.
    let text = svg(&w, &["yoy_growth", "-p", "year=2026", "-p", "month=2"]);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let shapes = with_class(&doc, "province");
    let named = |fill: &dyn Fn(&str) -> bool| -> Vec<&str> {
        let mut names: Vec<&str> = shapes.iter().filter(|s| fill(attr(**s, "fill"))).map(|s| attr(*s, "data-name")).collect();
        names.sort();
        names
    };
    assert_eq!(named(&|f| f == "url(#no-change)"), ["Bursa", "Kocaeli", "İstanbul"]);
    let valued: BTreeMap<&str, f64> = shapes.iter().filter_map(|s| s.attribute("data-value").map(|v| (attr(*s, "data-name"), v.parse().unwrap()))).collect();
    // -8.4, 2.6 and 14.9 % as the release states them.
    assert_eq!(valued, BTreeMap::from([("Ankara", 14.9), ("Tekirdağ", 2.6), ("İzmir", -8.4)]));
    assert_eq!(named(&|f| f == GREY).len(), 75);
    let legend: Vec<&str> = with_class(&doc, "legend-label").iter().filter_map(|n| n.text()).collect();
    assert!(legend.contains(&"değişim verilmiyor (3)") && legend.contains(&"veri yok (75)"), "{legend:?}");
    let warning: String = with_class(&doc, "warning").iter().filter_map(|n| n.text()).collect::<Vec<_>>().join(" ");
    assert!(warning.contains("81 ilden yalnızca 6 ilin değeri var"), "{warning}");
    assert!(warning.contains("Değişim verilmiyor (İstanbul, Kocaeli ve Bursa)"), "{warning}");
    // A hatched shape says its province has a value, so it credits that value's source: the
    // three coloured by the release, the three hatched by the loaded file (the bars: Ankara, Adana
    // and Yalova from the release, Bursa and Kocaeli loaded).
    assert!(text.contains(">Kaynak: Ticaret Bakanlığı, faaliyet illerine göre ihracat (3 değer); yüklenen dosya: subat.csv (3 değer)<"), "{text}");
    let bars = svg(&w, &["top_increases", "-p", "year=2026", "-p", "month=2", "--lang", "en"]);
    assert!(bars.contains(">Source: Ministry of Trade, exports by province of activity (3 values); loaded file: subat.csv (2 values)<"), "{bars}");
}

/// A chart credits a loaded file for the values it drew from it, in every analysis that draws
/// one: mom_change, fastest_growing, top_decreases and cagr named the basis's publisher alone,
/// having no column that says where a value comes from.
#[test]
fn a_change_drawn_from_a_loaded_file_credits_the_file() {
    let w = Workdir::new();
    // Kocaeli's September and October 2025 loaded over the release's: of October's eight
    // provinces with a value, seven are the release's (İstanbul, İzmir and Bursa coloured by
    // their change; Ankara, Aydın, Muğla and Kütahya hatched, no value a month before).
    let file = w.write("aylar.csv", "il,yıl,ay,değer\nKocaeli,2025,9,2800000000\nKocaeli,2025,10,3000000000\n");
    w.run(&["load", file.to_str().unwrap(), "--basis", "activity"]);
    let map = svg(&w, &["mom_change", "-p", "year=2025", "-p", "month=10"]);
    assert!(map.contains(">Kaynak: Ticaret Bakanlığı, faaliyet illerine göre ihracat (7 değer); yüklenen dosya: aylar.csv (1 değer)<"), "{map}");

    // Kocaeli's every month of 2021 and 2022 loaded: its growth rate is the file's.
    let mut months = String::from("il,yıl,ay,değer\n");
    for year in [2021, 2022] {
        for month in 1..=12 {
            months.push_str(&format!("Kocaeli,{year},{month},{}\n", if year == 2021 { 2_000_000_000_u64 } else { 2_200_000_000 }));
        }
    }
    let file = w.write("yillar.csv", months);
    w.run(&["load", file.to_str().unwrap(), "--basis", "activity"]);
    let growth = w.csv(&["run", "cagr", "-p", "from_year=2021", "-p", "to_year=2022"]);
    let at = |name: &str| growth[0].iter().position(|c| c == name).unwrap();
    let kocaeli = growth.iter().find(|r| r[at("province")] == "Kocaeli").unwrap();
    assert_eq!((kocaeli[at("cagr_pct")].as_str(), kocaeli[at("origin")].as_str()), ("10.0", "loaded"));
    let map = svg(&w, &["cagr", "-p", "from_year=2021", "-p", "to_year=2022"]);
    assert!(map.contains("yüklenen dosya: yillar.csv"), "{map}");

    // A complete panel loaded for October 2024 and 2025: every change is the file's.
    let w = complete_panel();
    for query in ["fastest_growing", "top_decreases"] {
        let text = svg(&w, &[query, "-p", "year=2025", "-p", "month=10", "--lang", "en"]);
        assert!(text.contains(">Source: loaded file: complete.csv<"), "{query}: {text}");
    }
}

/// A map of changes names what they are against: the month before for `mom_change`, a year
/// earlier for `yoy_growth` (the legend said "a year earlier" for both).
#[test]
fn a_map_of_changes_names_the_period_they_are_against() {
    let w = Workdir::new();
    let title = |args: &[&str]| {
        let text = svg(&w, args);
        let doc = roxmltree::Document::parse(&text).unwrap();
        with_class(&doc, "legend-title").iter().filter_map(|n| n.text()).collect::<String>()
    };
    assert_eq!(title(&["mom_change", "-p", "year=2025", "-p", "month=10"]), "Değişim (%), bir önceki aya göre");
    assert_eq!(title(&["mom_change", "-p", "year=2025", "-p", "month=10", "--lang", "en"]), "Change (%) against the month before");
    assert_eq!(title(&["yoy_growth", "-p", "year=2025", "-p", "month=10"]), "Değişim (%), bir yıl öncesine göre");
    assert_eq!(title(&["yoy_growth", "-p", "year=2025", "-p", "month=10", "--lang", "en"]), "Change (%) against a year earlier");
}

/// A ranking's subtitle says which end it lists: the first provinces from the top, the last from
/// the bottom (bottom_provinces' chart read "ilk 3", the first three, for the three smallest).
#[test]
fn a_ranking_from_the_bottom_says_so_under_its_title() {
    let w = complete_panel();
    let subtitle = |args: &[&str]| {
        let text = svg(&w, args);
        let doc = roxmltree::Document::parse(&text).unwrap();
        with_class(&doc, "subtitle").iter().filter_map(|n| n.text()).collect::<String>()
    };
    let ask = |query: &'static str, lang: &'static str| [query, "-p", "year=2025", "-p", "month=10", "-p", "n=3", "--lang", lang];
    assert_eq!(subtitle(&ask("bottom_provinces", "tr")), "Ekim 2025 · en düşük 3 · faaliyet iline göre");
    assert_eq!(subtitle(&ask("bottom_provinces", "en")), "October 2025 · bottom 3 · by province of activity");
    assert_eq!(subtitle(&ask("top_provinces", "tr")), "Ekim 2025 · ilk 3 · faaliyet iline göre");
    assert_eq!(subtitle(&ask("top_provinces", "en")), "October 2025 · top 3 · by province of activity");
}

#[test]
fn english_charts_use_english_words_and_numbers() {
    let w = Workdir::new();
    let text = svg(&w, &["top_provinces", "-p", "year=2025", "-p", "month=10", "--lang", "en"]);
    assert!(text.contains("$4.86 billion"), "{text}");
    assert!(text.contains("October 2025"));
    assert!(text.contains("Source: Ministry of Trade, exports by province of activity"));
    assert!(text.contains("Incomplete data: only 8 of 81 provinces"));
}

#[test]
fn lines_have_a_point_per_period_with_a_value_and_months_on_the_axis() {
    let w = complete_panel();
    let text = svg(&w, &["province_profile", "-p", "province=istanbul", "-p", "year=2025"]);
    let doc = roxmltree::Document::parse(&text).unwrap();
    // A point for each month `run` gives a value, with that value: October the loaded one, the
    // other months the releases'.
    let rows = w.csv(&["run", "province_profile", "-p", "province=istanbul", "-p", "year=2025"]);
    let expected: BTreeMap<String, f64> = column(&rows, "month").into_iter().zip(column(&rows, "value_usd")).filter(|(_, v)| !v.is_empty()).map(|(m, v)| (m, v.parse().unwrap())).collect();
    let points: BTreeMap<String, f64> = with_class(&doc, "point").iter().map(|p| (attr(*p, "data-position").to_string(), attr(*p, "data-value").parse().unwrap())).collect();
    assert_eq!(points, expected);
    assert_eq!(points["10"], october_2025(34) as f64);
    let periods: Vec<&str> = with_class(&doc, "period").iter().filter_map(|n| n.text()).collect();
    assert!(periods.contains(&"Eki"), "{periods:?}");
    let ticks: Vec<f64> = with_class(&doc, "tick").iter().map(|t| attr(*t, "data-value").parse().unwrap()).collect();
    assert!(*ticks.last().unwrap() >= october_2025(34) as f64 && ticks[0] <= 0.0);

    // Two series: the bundled ranks of Kocaeli and the published counts, months in English.
    let text = svg(&Workdir::new(), &["rank_history", "-p", "province=Kocaeli", "-p", "from_year=2025", "-p", "to_year=2025", "--lang", "en"]);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let ranks: Vec<f64> = with_class(&doc, "point").iter().map(|p| attr(*p, "data-value").parse().unwrap()).collect();
    assert!(!ranks.is_empty() && ranks.iter().all(|r| *r == 2.0), "Kocaeli was second in every 2025 release: {ranks:?}");
    assert!(with_class(&doc, "period").iter().any(|n| n.text().is_some_and(|t| t.starts_with("Jan"))));
}

#[test]
fn a_png_has_the_size_asked_for_and_is_not_blank() {
    let w = Workdir::new();
    let out = w.path("top.png");
    w.run(&["chart", "top_provinces", "-p", "year=2025", "-p", "month=10", "--width", "640", "--scale", "2", "-o", out.to_str().unwrap()]);
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).unwrap()));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.width, 1280);
    assert!(info.height > 200);
    let channels = info.color_type.samples();
    let distinct: std::collections::BTreeSet<&[u8]> = pixels.chunks(channels).collect();
    assert!(distinct.len() > 20, "{} colours", distinct.len());
    let blue = pixels.chunks(channels).filter(|p| p[0] == 0x21 && p[1] == 0x71 && p[2] == 0xb5).count();
    assert!(blue > 1000, "the bars are drawn ({blue} bar pixels)");
}

#[test]
fn refusals_say_what_to_do() {
    let w = Workdir::new();
    let (code, err) = w.fail(&["chart", "coverage", "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(err.contains("`coverage` names no chart of its own") && err.contains("--kind"), "{err}");
    let (_, err) = w.fail(&["chart", "top_provinces", "-p", "year=2025", "-p", "month=10", "-o", "top.pdf", "--lang", "en"]);
    assert!(err.contains("charts are written as .svg or .png, not .pdf"), "{err}");
    let (_, err) = w.fail(&["chart", "top_provinces", "-p", "year=2025", "-p", "month=10", "-o", "top.pdf"]);
    assert!(err.contains("grafikler .svg ya da .png olarak yazılır, .pdf olarak değil"), "{err}");
    assert!(!w.path("top.pdf").exists());
    let (_, err) = w.fail(&["chart", "top_provinces", "-p", "year=2025", "-p", "month=10", "--value", "nope", "--format", "svg", "--lang", "en"]);
    assert!(err.contains("no numeric column `nope`") && err.contains("value_usd"), "{err}");
    let (_, err) = w.fail(&["chart", "bottom_provinces", "-p", "year=2025", "-p", "month=10", "--format", "svg", "--lang", "en"]);
    assert!(err.contains("nothing to draw"), "{err}");
    // In a chart's own language, Turkish unless told.
    let (_, err) = w.fail(&["chart", "bottom_provinces", "-p", "year=2025", "-p", "month=10", "--format", "svg"]);
    assert!(err.contains("çizilecek bir şey yok") && !err.contains("nothing to draw"), "{err}");
    let existing = w.write("top.svg", "mine");
    let (_, err) = w.fail(&["chart", "top_provinces", "-p", "year=2025", "-p", "month=10", "-o", existing.to_str().unwrap()]);
    assert!(err.contains("--overwrite"), "{err}");
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "mine");
}

#[test]
fn queries_check_draws_every_example_chart() {
    let w = Workdir::new();
    let dir = w.write("q/broken_chart.sql", "--- summary  a map without provinces\n--- chart    map value=x\nSELECT 1.5 AS x\n");
    let (_, err) = w.fail(&["--queries", dir.parent().unwrap().to_str().unwrap(), "queries", "check"]);
    assert!(err.contains("broken_chart") && err.contains("its map chart: a map needs a province in each row"), "{err}");
}

/// A named size sets the width and the PNG's scale: a newspaper column is 480 px drawn at 3×.
#[test]
fn a_named_size_gives_a_picture_of_that_size() {
    let w = Workdir::new();
    let path = w.path("column.png");
    w.run(&["chart", "top_provinces", "-p", "year=2025", "-p", "month=10", "--size", "column", "-o", path.to_str().unwrap()]);
    let png = std::fs::read(&path).unwrap();
    // The width is bytes 16..20 of the PNG's IHDR chunk, big-endian.
    assert_eq!(&png[1..4], b"PNG");
    assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 480 * 3);
    let (code, message) = w.fail(&["chart", "top_provinces", "-p", "year=2025", "-p", "month=10", "--size", "poster"]);
    assert_eq!(code, 2);
    assert!(message.contains("column") && message.contains("slide"), "{message}");
}
