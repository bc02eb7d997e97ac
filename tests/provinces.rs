//! Province names as real tables print them (issue 2).

mod common;

use common::{Workdir, column};
use ihracat::reference::Kind::Province;

/// (code, official name, ASCII name) from the bundled reference, read independently.
fn reference() -> Vec<(i32, String, String)> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/provinces.csv")).unwrap();
    common::parse_csv(&text)[1..].iter().map(|r| (r[0].parse().unwrap(), r[1].clone(), r[2].clone())).collect()
}

/// Upper case as Turkish tables print it, written out here rather than taken from the crate.
fn turkish_upper(s: &str) -> String {
    s.chars().map(|c| match c { 'i' => 'İ', 'ı' => 'I', c => c.to_uppercase().next().unwrap() }).collect()
}

fn turkish_lower(s: &str) -> String {
    s.chars().map(|c| match c { 'I' => 'ı', 'İ' => 'i', c => c.to_lowercase().next().unwrap() }).collect()
}

#[test]
fn every_province_resolves_in_every_spelling() {
    let db = ihracat::db::open(&ihracat::db::Location::Memory, ihracat::db::Access::Read, &Default::default()).unwrap();
    let provinces = reference();
    assert_eq!(provinces.len(), 81);
    for (code, name, ascii) in &provinces {
        let spellings = [
            name.clone(),
            turkish_upper(name),
            turkish_lower(name),
            ascii.clone(),
            ascii.to_uppercase(),
            ascii.to_lowercase(),
            format!("  {name} "),
            code.to_string(),
            format!("{code:02}"),
        ];
        for spelling in spellings {
            let resolved = ihracat::reference::resolve(&db.conn, Province, &spelling).unwrap_or_else(|e| panic!("{spelling}: {e}"));
            assert_eq!(resolved.code, code.to_string(), "{spelling} resolved to {}", resolved.name);
            assert_eq!(&resolved.name, name);
        }
    }
}

#[test]
fn short_old_and_abbreviated_names_resolve() {
    let db = ihracat::db::open(&ihracat::db::Location::Memory, ihracat::db::Access::Read, &Default::default()).unwrap();
    let cases = [
        ("AFYON", 3), ("Afyon Karahisar", 3), ("İçel", 33), ("Icel", 33), ("ICEL", 33), ("Urfa", 63), ("Ş.URFA", 63),
        ("Antep", 27), ("G.ANTEP", 27), ("Maraş", 46), ("K.MARAŞ", 46), ("K. Maraş", 46), ("Kahraman Maraş", 46),
        ("SANLIURFA", 63), ("Sirnak", 73), ("ŞIRNAK", 73), ("IĞDIR", 76), ("Iğdır", 76), ("igdir", 76),
        ("ISTANBUL", 34), ("istanbul", 34), ("İstanbul", 34), ("Hakkâri", 30), ("HAKKARİ", 30), ("Izmit", 41),
    ];
    for (spelling, code) in cases {
        let resolved = ihracat::reference::resolve(&db.conn, Province, spelling).unwrap_or_else(|e| panic!("{spelling}: {e}"));
        assert_eq!(resolved.code, code.to_string(), "{spelling}");
    }
}

#[test]
fn i_dotted_and_dotless_are_four_letters_but_one_key() {
    // Kırklareli and Kırıkkale differ only in letters around ı: they must stay apart.
    let db = ihracat::db::open(&ihracat::db::Location::Memory, ihracat::db::Access::Read, &Default::default()).unwrap();
    assert_eq!(ihracat::reference::resolve(&db.conn, Province, "KIRKLARELİ").unwrap().code, "39");
    assert_eq!(ihracat::reference::resolve(&db.conn, Province, "KIRIKKALE").unwrap().code, "71");
    assert_eq!(ihracat::reference::resolve(&db.conn, Province, "KIRŞEHİR").unwrap().code, "40");
}

#[test]
fn no_two_provinces_share_a_spelling() {
    let db = ihracat::db::open(&ihracat::db::Location::Memory, ihracat::db::Access::Read, &Default::default()).unwrap();
    let collisions: i64 = db
        .conn
        .query_row("SELECT count(*) FROM (SELECT name_key(name) k FROM provinces GROUP BY k HAVING count(*) > 1)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(collisions, 0);
    let codes: i64 = db.conn.query_row("SELECT count(DISTINCT province_code) FROM province_aliases", [], |r| r.get(0)).unwrap();
    assert_eq!(codes, 81);
}

#[test]
fn an_unknown_name_is_an_error_with_suggestions() {
    let w = Workdir::new();
    let (code, stderr) = w.fail(&["provinces", "resolve", "Istanbol"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("unknown province `Istanbol`"), "{stderr}");
    assert!(stderr.contains("İstanbul"), "{stderr}");
    let (_, stderr) = w.fail(&["provinces", "resolve", "Atlantis"]);
    assert!(stderr.contains("unknown province `Atlantis`"), "{stderr}");
}

#[test]
fn provinces_lists_all_81_with_regions() {
    let w = Workdir::new();
    let rows = w.csv(&["provinces"]);
    assert_eq!(rows[0], vec!["code", "name", "name_ascii", "nuts1_code", "nuts1_name", "nuts2_code", "nuts2_name"]);
    assert_eq!(rows.len(), 82);
    assert_eq!(rows[34], vec!["34", "İstanbul", "Istanbul", "TR1", "İstanbul", "TR10", "İstanbul"]);
    assert_eq!(rows[76][1], "Iğdır");
    assert_eq!(rows[76][5], "TRA2");
}

#[test]
fn provinces_resolve_shows_what_each_name_became() {
    let w = Workdir::new();
    let rows = w.csv(&["provinces", "resolve", "AFYON", "K.MARAŞ", "istanbul", "Icel", "41"]);
    assert_eq!(column(&rows, "name"), vec!["Afyonkarahisar", "Kahramanmaraş", "İstanbul", "Mersin", "Kocaeli"]);
    assert_eq!(column(&rows, "code"), vec!["3", "46", "34", "33", "41"]);
    assert_eq!(column(&rows, "matched")[4], "plate code");
}

/// Issue 17, item 9: a plate code is one or two digits. `0x10` (which a cast reads as 16, Bursa)
/// and `34.5` (35) are no province, as a parameter or to `provinces resolve`.
#[test]
fn a_plate_code_is_one_or_two_digits() {
    let w = Workdir::new();
    let (code, stderr) = w.fail(&["run", "province_profile", "-p", "province=0x10", "-p", "year=2025"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("unknown province `0x10`"), "{stderr}");
    let output = w.command(&["provinces", "resolve", "0x10", "34.5", "34", " 6 "]).output().unwrap();
    let rows = common::parse_csv(&common::text(&output.stdout));
    assert_eq!(rows[1][1..3], ["", ""]);
    assert_eq!(rows[2][1..3], ["", ""]);
    assert_eq!(rows[3][1..3], ["34", "İstanbul"]);
    assert_eq!(rows[4][1..3], ["6", "Ankara"]);
}
