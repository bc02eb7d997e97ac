//! Countries and products resolve like provinces (issue 10), and the bundled published detail
//! reproduces what the releases printed.

mod common;

use common::{Workdir, column};
use ihracat::reference::{Kind, resolve};

fn memory() -> ihracat::db::Database {
    ihracat::db::open(&ihracat::db::Location::Memory, ihracat::db::Access::Read, &Default::default()).unwrap()
}

fn turkish_upper(s: &str) -> String {
    s.chars().map(|c| match c { 'i' => 'İ', 'ı' => 'I', c => c.to_uppercase().next().unwrap() }).collect()
}

#[test]
fn every_country_resolves_by_its_names_and_codes() {
    let db = memory();
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/countries.csv")).unwrap();
    let rows = common::parse_csv(&text);
    assert!(rows.len() > 250);
    for r in &rows[1..] {
        let (code, alpha3, name_en, name_tr) = (&r[0], &r[1], &r[3], &r[4]);
        let mut spellings = vec![code.clone(), code.to_lowercase(), name_tr.clone(), turkish_upper(name_tr), name_en.clone(), name_en.to_uppercase()];
        if !alpha3.is_empty() {
            spellings.push(alpha3.clone());
        }
        for spelling in spellings {
            let resolved = resolve(&db.conn, Kind::Country, &spelling).unwrap_or_else(|e| panic!("{spelling}: {e}"));
            assert_eq!(&resolved.code, code, "{spelling} resolved to {}", resolved.name);
        }
    }
}

#[test]
fn the_short_forms_tables_print() {
    let db = memory();
    let cases = [
        ("ALMANYA", "DE"), ("Germany", "DE"), ("DE", "DE"), ("DEU", "DE"), ("ABD", "US"), ("U.S.", "US"), ("USA", "US"),
        ("Amerika Birleşik Devletleri", "US"), ("İngiltere", "GB"), ("INGILTERE", "GB"), ("BAE", "AE"), ("B.A.E.", "AE"),
        ("Birleşik Arap Emirlikleri", "AE"), ("Hollanda", "NL"), ("Rusya Federasyonu", "RU"), ("KKTC", "XC"),
        ("Kosova", "XK"), ("iso:276", "DE"), ("iso:4", "AF"), ("Güney Kore", "KR"),
    ];
    for (spelling, code) in cases {
        assert_eq!(resolve(&db.conn, Kind::Country, spelling).unwrap_or_else(|e| panic!("{spelling}: {e}")).code, code, "{spelling}");
    }
    let ambiguous = resolve(&db.conn, Kind::Country, "004").unwrap_err().to_string();
    assert!(ambiguous.contains("a number is ambiguous") && ambiguous.contains("iso:004"), "{ambiguous}");
    let unknown = resolve(&db.conn, Kind::Country, "Almanyaa").unwrap_err().to_string();
    assert!(unknown.starts_with("unknown country `Almanyaa`; did you mean one of: Almanya (DE)"), "{unknown}");
}

#[test]
fn every_chapter_resolves_by_each_code_form() {
    let db = memory();
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/hs_chapters.csv")).unwrap();
    let rows = common::parse_csv(&text);
    assert_eq!(rows.len() - 1, 97);
    // Chapter 77 is reserved in the HS (no goods are classified in it): it resolves to nothing.
    for spelling in ["77", "Fasıl 77", "770000"] {
        assert!(resolve(&db.conn, Kind::Product, spelling).is_err(), "{spelling}");
    }
    for r in rows[1..].iter().filter(|r| r[0] != "77") {
        let chapter = &r[0];
        let number: u32 = chapter.parse().unwrap();
        for spelling in [chapter.clone(), number.to_string(), format!("Fasıl {number}"), format!("FASIL {chapter}"), format!("Chapter {number}"), r[2].clone()] {
            assert_eq!(&resolve(&db.conn, Kind::Product, &spelling).unwrap_or_else(|e| panic!("{spelling}: {e}")).code, chapter, "{spelling}");
        }
    }
    assert_eq!(resolve(&db.conn, Kind::Product, "870321").unwrap().code, "870321");
    assert_eq!(resolve(&db.conn, Kind::Product, "870321").unwrap().matched, "HS subheading in chapter 87");
}

/// The short names the releases print, with the chapters written out here by hand.
const RELEASE_NAMES: &[(&str, &str)] = &[
    ("kıymetli veya yarı kıymetli taşlar", "71"), ("Kıymetli veya yarı kıymetli taşlar", "71"), ("kıymetli ve yarı kıymetli taşlar", "71"),
    ("precious or semi-precious stones", "71"), ("örme giyim eşyası ve aksesuar", "61"), ("örme giyim eşyası ve aksesuarı", "61"),
    ("örme giyim eşyası ve aksesuarları", "61"), ("örme giyim ürünleri ve aksesuarlar", "61"), ("knitted apparel and accessories", "61"),
    ("kazanlar ve makineler", "84"), ("makineler ve kazanlar", "84"), ("kazanlar, makineler", "84"), ("boilers and machinery", "84"),
    ("Boilers and machinery", "84"), ("motorlu kara taşıtları", "87"), ("motor vehicles", "87"), ("elektrikli makine ve cihazlar", "85"),
    ("elektrikli makine, cihazlar ve aksamlar", "85"), ("elektrikli makine, cihazlar ve aksamları", "85"),
    ("elektrikli makineler ve parçaları", "85"), ("Electrical machinery and equipment", "85"), ("mineral yakıtlar ve yağlar", "27"),
    ("mineral yakıtlar ve mineral yağlar", "27"), ("mineral yakıtlar, mineral yağlar", "27"), ("mineral fuels and oils", "27"),
    ("inorganik kimyasallar, kıymetli metal, radyoaktif elementler", "28"),
    // Documented choice: "demir-çelik" is taken as 72, iron and steel (73 is articles of it).
    ("demir-çelik ürünleri", "72"), ("demir çelik", "72"),
];

const RELEASE_COUNTRIES: &[(&str, &str)] = &[
    ("ABD", "US"), ("Almanya", "DE"), ("Birleşik Arap Emirlikleri", "AE"), ("Germany", "DE"), ("Italy", "IT"), ("Netherlands", "NL"),
    ("Romanya", "RO"), ("Slovenya", "SI"), ("U.S.", "US"), ("United Arab Emirates", "AE"), ("United Kingdom", "GB"),
    ("United States", "US"), ("İngiltere", "GB"), ("İspanya", "ES"), ("İtalya", "IT"),
];

#[test]
fn the_release_names_resolve_to_the_chapters_and_countries_they_mean() {
    let db = memory();
    for (name, code) in RELEASE_NAMES {
        assert_eq!(resolve(&db.conn, Kind::Product, name).unwrap_or_else(|e| panic!("{name}: {e}")).code, *code, "{name}");
    }
    for (name, code) in RELEASE_COUNTRIES {
        assert_eq!(resolve(&db.conn, Kind::Country, name).unwrap_or_else(|e| panic!("{name}: {e}")).code, *code, "{name}");
    }
}

#[test]
fn resolve_commands_show_codes() {
    let w = Workdir::new();
    let rows = w.csv(&["countries", "resolve", "ALMANYA", "Germany", "DE", "B.A.E.", "ABD"]);
    assert_eq!(column(&rows, "code"), ["DE", "DE", "DE", "AE", "US"]);
    let rows = w.csv(&["products", "resolve", "71", "Fasıl 87", "motorlu kara taşıtları"]);
    assert_eq!(column(&rows, "code"), ["71", "87", "87"]);
    let (_, stderr) = w.fail(&["products", "resolve", "motorlu taşıtlar"]);
    assert!(stderr.contains("unknown product `motorlu taşıtlar`; did you mean `87"), "{stderr}");
}

/// For every release paragraph in tests/fixtures/releases/detail_figures.csv, top_products and
/// top_destinations give the published order, codes and values (within the row's precision).
#[test]
fn the_bundled_detail_reproduces_the_published_top_chapters_and_countries() {
    let w = Workdir::new();
    let text = std::fs::read_to_string(common::release_fixture("detail_figures.csv")).unwrap();
    let rows = common::parse_csv(&text);
    let h = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    let mut groups: std::collections::BTreeMap<(String, String, String, String), Vec<(u32, String, f64, f64)>> = Default::default();
    for r in &rows[1..] {
        if r.len() < rows[0].len() || r[h("period")] != "month" {
            continue;
        }
        let code = if r[h("dimension")] == "chapter" {
            RELEASE_NAMES.iter().find(|(n, _)| *n == r[h("name_as_published")]).map(|(_, c)| c.to_string())
        } else {
            RELEASE_COUNTRIES.iter().find(|(n, _)| *n == r[h("name_as_published")]).map(|(_, c)| c.to_string())
        }
        .unwrap_or_else(|| panic!("no hand-written code for {}", r[h("name_as_published")]));
        let precision = if r[h("precision")] == "exact" { 1000.0 } else { 1_000_000.0 };
        groups
            .entry((r[h("year")].clone(), r[h("month")].clone(), r[h("province")].clone(), r[h("dimension")].clone()))
            .or_default()
            .push((r[h("rank")].parse().unwrap(), code, r[h("value_usd")].parse().unwrap(), precision));
    }
    assert!(groups.len() >= 20);
    for ((year, month, province, dimension), mut list) in groups {
        list.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        list.dedup_by(|a, b| a.1 == b.1);
        let query = if dimension == "chapter" { "top_products" } else { "top_destinations" };
        let result = w.csv(&["run", query, "-p", &format!("province={province}"), "-p", &format!("year={year}"), "-p", &format!("month={month}"), "-p", "n=10"]);
        let codes = column(&result, if dimension == "chapter" { "product" } else { "country" });
        let values = column(&result, "value_usd");
        let expected: Vec<&String> = list.iter().map(|(_, c, _, _)| c).collect();
        assert_eq!(codes.iter().collect::<Vec<_>>(), expected, "{year}-{month} {province} {dimension}");
        for (i, (_, code, value, precision)) in list.iter().enumerate() {
            let got: f64 = values[i].parse().unwrap();
            assert!((got - value).abs() <= *precision, "{year}-{month} {province} {code}: {got} against {value}");
        }
        assert!(column(&result, "complete").iter().all(|c| c == "false"), "the releases' top three are partial detail");
    }
}

/// Names sorted in the Turkish alphabet's order (issue 32): C < Ç < D, I < İ, S < Ş, in the
/// database's `turkish_order` and in Rust's `turkish::sort_key` alike; the order below is the
/// alphabet's, written by hand.
#[test]
fn names_sort_in_turkish_alphabetical_order() {
    let w = Workdir::new();
    let expected = ["Bursa", "Çanakkale", "Çorum", "Denizli", "Iğdır", "İstanbul", "İzmir", "Sinop", "Şanlıurfa", "Uşak", "Ünye", "Zonguldak"];
    let values = expected.iter().rev().map(|n| format!("('{n}')")).collect::<Vec<_>>().join(", ");
    let sorted = w.csv(&["sql", &format!("SELECT n FROM (VALUES {values}) t(n) ORDER BY turkish_order(n)")]);
    assert_eq!(sorted[1..].iter().map(|r| r[0].as_str()).collect::<Vec<_>>(), expected);
    let mut in_rust: Vec<&str> = expected.iter().rev().copied().collect();
    in_rust.sort_by_key(|n| ihracat::turkish::sort_key(n));
    assert_eq!(in_rust, expected);
    // Case does not change the order: ÇORUM, çorum and Çorum sort together.
    assert!(ihracat::turkish::sort_key("ÇORUM") == ihracat::turkish::sort_key("çorum"));
    // All 81 provinces: the database's order is Rust's.
    let names = w.csv(&["sql", "SELECT name FROM provinces ORDER BY turkish_order(name)"]);
    let from_db: Vec<String> = names[1..].iter().map(|r| r[0].clone()).collect();
    let mut by_rust = from_db.clone();
    by_rust.sort_by_key(|n| ihracat::turkish::sort_key(n));
    assert_eq!(from_db, by_rust);
    assert_eq!(from_db.len(), 81);

    // The matrix of the issue: Denizli, Sinop, Zonguldak, Çorum, İzmir, Şanlıurfa by bytes.
    let matrix = w.csv(&["run", "province_country_matrix", "-p", "provinces=İzmir,Çorum,Denizli,Zonguldak,Şanlıurfa,Sinop", "-p", "countries=DE", "-p", "year=2025", "-p", "month=7"]);
    let order: Vec<&str> = matrix[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(order, ["Çorum", "Denizli", "İzmir", "Sinop", "Şanlıurfa", "Zonguldak"]);
}
