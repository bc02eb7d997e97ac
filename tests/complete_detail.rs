//! A sparse complete detail table summed over periods (design rule 40): a cell absent from a
//! month of a complete table is zero for that month, so a year-to-date or a year adds every cell
//! that appears in any of its months. The table is generated here, seeded, with its own sums
//! worked out in this file (not by `ihracat generate`, not by SQL), and each detail analysis must
//! give them to the cent.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{Workdir, column};

const PROVINCES: [(&str, i32); 3] = [("Zonguldak", 67), ("Bayburt", 69), ("Bursa", 16)];
const COUNTRIES: [&str; 6] = ["DE", "US", "FR", "IQ", "GB", "NL"];
const CHAPTERS: [&str; 5] = ["87", "75", "81", "61", "08"];

/// One cell of the table: province, year, month, country, chapter, cents.
type Cell = (&'static str, i32, u32, &'static str, &'static str, i64);

/// About half of the cells of each month are present; a few are placed by hand so that every
/// case is there: a country Bayburt trades only in 2001 (NL: new), one it traded in a single
/// month of 2000 (IQ in March: not new), and chapters traded in some months only.
fn table() -> Vec<Cell> {
    let mut rng = fastrand::Rng::with_seed(40);
    let mut cells = Vec::new();
    for (province, _) in PROVINCES {
        for year in [2000, 2001] {
            for month in 1..=12u32 {
                for country in COUNTRIES {
                    for chapter in CHAPTERS {
                        let special = province == "Bayburt" && (country == "NL" || country == "IQ");
                        if special || rng.u8(..) >= 77 {
                            continue;
                        }
                        cells.push((province, year, month, country, chapter, rng.i64(100_000..999_999_999)));
                    }
                }
            }
        }
    }
    cells.push(("Bayburt", 2000, 3, "IQ", "08", 12_345_67));
    cells.push(("Bayburt", 2001, 2, "IQ", "08", 45_000_00));
    cells.push(("Bayburt", 2001, 5, "NL", "61", 7_777_77));
    cells.push(("Bayburt", 2001, 11, "NL", "87", 1_000_01));
    cells
}

fn csv(cells: &[Cell]) -> String {
    let mut text = String::from("il,yıl,ay,ülke,fasıl,değer (usd)\n");
    for (province, year, month, country, chapter, cents) in cells {
        text.push_str(&format!("{province},{year},{month},{country},{chapter},{}.{:02}\n", cents / 100, cents % 100));
    }
    text
}

fn dollars(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// The period's sums by province and code, from the cells alone: months 1..=last of the year.
fn sums(cells: &[Cell], year: i32, last: u32, by_country: bool) -> BTreeMap<(&'static str, &'static str), i64> {
    let mut sums = BTreeMap::new();
    for &(province, y, month, country, chapter, cents) in cells {
        if y == year && month <= last {
            *sums.entry((province, if by_country { country } else { chapter })).or_insert(0) += cents;
        }
    }
    sums
}

fn loaded() -> (Workdir, Vec<Cell>) {
    let w = Workdir::new();
    let cells = table();
    let file = w.write("sparse_complete.csv", csv(&cells));
    w.run(&["load", file.to_str().unwrap(), "--basis", "activity", "--complete"]);
    (w, cells)
}

/// Each row's code and value, as `run NAME` prints them.
fn values(w: &Workdir, args: &[&str], code_column: &str) -> BTreeMap<String, String> {
    let rows = w.csv(args);
    let codes = column(&rows, code_column);
    let values = column(&rows, "value_usd");
    assert_eq!(codes.len(), values.len());
    let map: BTreeMap<String, String> = codes.into_iter().zip(values).collect();
    assert_eq!(map.len(), rows.len() - 1, "one row a code: {args:?}");
    map
}

#[test]
fn top_products_and_destinations_add_every_cell_of_the_period() {
    let (w, cells) = loaded();
    for (period, last) in [("ytd", 6u32), ("ytd", 11), ("year", 12)] {
        for (province, _) in PROVINCES {
            for (query, code, by_country) in [("top_products", "product", false), ("top_destinations", "country", true)] {
                let expected: BTreeMap<String, String> = sums(&cells, 2001, last, by_country)
                    .into_iter()
                    .filter(|((p, _), _)| *p == province)
                    .map(|((_, c), cents)| (c.to_string(), dollars(cents)))
                    .collect();
                let args = ["run", query, "-p", &format!("province={province}"), "-p", "year=2001", "-p", &format!("month={last}"), "-p", &format!("period={period}"), "-p", "n=99"];
                assert_eq!(values(&w, &args, code), expected, "{query} {province} {period} to month {last}");
                let rows = w.csv(&args);
                assert!(column(&rows, "complete").iter().all(|c| c == "true"), "{query} {province} {period}: {rows:?}");
            }
        }
    }
}

#[test]
fn turkey_by_chapter_over_a_year_adds_every_province() {
    let (w, cells) = loaded();
    let mut expected: BTreeMap<String, i64> = BTreeMap::new();
    for ((_, chapter), cents) in sums(&cells, 2001, 12, false) {
        *expected.entry(chapter.to_string()).or_insert(0) += cents;
    }
    let expected: BTreeMap<String, String> = expected.into_iter().map(|(c, v)| (c, dollars(v))).collect();
    let got = values(&w, &["run", "top_products", "-p", "year=2001", "-p", "month=12", "-p", "period=year", "-p", "n=99"], "product");
    assert_eq!(got, expected);
}

#[test]
fn province_specialisation_values_are_the_period_sums() {
    let (w, cells) = loaded();
    let rows = w.csv(&["run", "province_specialisation", "-p", "year=2001", "-p", "month=9", "-p", "period=ytd"]);
    let got: BTreeSet<(String, String, String)> = column(&rows, "province")
        .into_iter()
        .zip(column(&rows, "product"))
        .zip(column(&rows, "value_usd"))
        .map(|((p, c), v)| (p, c, v))
        .collect();
    let expected: BTreeSet<(String, String, String)> =
        sums(&cells, 2001, 9, false).into_iter().map(|((p, c), cents)| (p.to_string(), c.to_string(), dollars(cents))).collect();
    assert_eq!(got, expected);
}

#[test]
fn new_markets_count_a_country_traded_in_any_month_of_the_earlier_period() {
    let (w, cells) = loaded();
    for (period, last) in [("ytd", 6u32), ("year", 12)] {
        for (province, _) in PROVINCES {
            let now = sums(&cells, 2001, last, true);
            let before = sums(&cells, 2000, last, true);
            let expected: BTreeSet<String> = now
                .keys()
                .filter(|(p, c)| *p == province && !before.contains_key(&(province, *c)))
                .map(|(_, c)| c.to_string())
                .collect();
            let rows = w.csv(&["run", "new_markets", "-p", &format!("province={province}"), "-p", "year=2001", "-p", &format!("month={last}"), "-p", &format!("period={period}")]);
            let got: BTreeSet<String> = column(&rows, "country").into_iter().collect();
            assert_eq!(got, expected, "new_markets {province} {period} to month {last}");
        }
    }
    // The hand-placed cases: NL is new for Bayburt in 2001; IQ, traded in March 2000 only, is not.
    let rows = w.csv(&["run", "new_markets", "-p", "province=Bayburt", "-p", "year=2001", "-p", "month=12", "-p", "period=year"]);
    assert!(column(&rows, "country").contains(&"NL".to_string()), "{rows:?}");
    assert!(!column(&rows, "country").contains(&"IQ".to_string()), "{rows:?}");
}

#[test]
fn market_concentration_totals_are_the_period_sums() {
    let (w, cells) = loaded();
    let rows = w.csv(&["run", "market_concentration", "-p", "year=2001", "-p", "month=12", "-p", "period=year"]);
    let totals: BTreeMap<String, String> = column(&rows, "province").into_iter().zip(column(&rows, "total_usd")).collect();
    let countries: BTreeMap<String, String> = column(&rows, "province").into_iter().zip(column(&rows, "countries")).collect();
    for (province, _) in PROVINCES {
        let by_country: Vec<i64> = sums(&cells, 2001, 12, true).into_iter().filter(|((p, _), _)| *p == province).map(|(_, v)| v).collect();
        assert_eq!(totals[province], dollars(by_country.iter().sum()), "{province}");
        assert_eq!(countries[province], by_country.len().to_string(), "{province}");
    }
}

#[test]
fn a_month_is_unchanged_and_incomplete_detail_still_needs_every_month() {
    let (w, cells) = loaded();
    // A single month: exactly that month's cells.
    let expected: BTreeMap<String, String> = cells
        .iter()
        .filter(|c| c.0 == "Bursa" && c.1 == 2001 && c.2 == 4)
        .fold(BTreeMap::new(), |mut m: BTreeMap<String, i64>, c| {
            *m.entry(c.3.to_string()).or_insert(0) += c.5;
            m
        })
        .into_iter()
        .map(|(c, v)| (c, dollars(v)))
        .collect();
    assert_eq!(values(&w, &["run", "top_destinations", "-p", "province=Bursa", "-p", "year=2001", "-p", "month=4", "-p", "n=99"], "country"), expected);

    // The same cells loaded without --complete: a cell missing from a month is unknown, not zero,
    // so only the cells present in every month of the period are summed (and complete is false).
    let partial = Workdir::new();
    let file = partial.write("sparse.csv", csv(&cells));
    partial.run(&["load", file.to_str().unwrap(), "--basis", "activity"]);
    let rows = partial.csv(&["run", "top_products", "-p", "province=Zonguldak", "-p", "year=2001", "-p", "month=6", "-p", "period=ytd", "-p", "n=99"]);
    let every_month: BTreeSet<&str> = CHAPTERS
        .iter()
        .copied()
        .filter(|chapter| (1..=6).all(|m| cells.iter().any(|c| c.0 == "Zonguldak" && c.1 == 2001 && c.2 == m && c.4 == *chapter)))
        .collect();
    let got: BTreeSet<String> = column(&rows, "product").into_iter().collect();
    assert_eq!(got, every_month.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>());
}
