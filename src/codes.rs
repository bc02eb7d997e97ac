//! The words a person reads for what a result's cells hold: the codes (`published`, `ytd`,
//! `activity`, `two-way`) and the sentences the SQL writes (why a figure is missing, what shares
//! are of, how a value was derived, a band's bounds), in Turkish and English.
//!
//! An error's words are in `messages`.
//!
//! The cells themselves keep their codes and English sentences, which scripts read and the
//! machine formats carry; only what a person reads (the web pages, the Turkish workbooks) says
//! them in the reader's language. A sentence no template knows stays as written.

use crate::language::{group_digits, Language};

/// Codes by the columns that hold them: (columns, code, Turkish). English readers read the code.
const CODES: &[(&[&str], &str, &str)] = &[
    (ORIGINS, "computed", "hesaplandı"),
    (ORIGINS, "derived", "türetildi"),
    (ORIGINS, "doubtful", "kuşkulu"),
    (ORIGINS, "loaded", "yüklendi"),
    (ORIGINS, "mixed", "karışık"),
    (ORIGINS, "published", "yayımlandı"),
    (&["basis"], "activity", "faaliyet ili"),
    (&["basis"], "registered", "kayıtlı il"),
    (&["basis"], "unknown", "bilinmiyor"),
    (&["period"], "month", "ay"),
    (&["period"], "year", "yıl"),
    (&["period"], "ytd", "yılbaşından bu yana"),
    (&["unit"], "count", "adet"),
    (&["unit"], "percent", "%"),
    (&["unit"], "usd", "$"),
    (&["unit"], "thousand-usd", "bin $"),
    (&["unit"], "million-usd", "milyon $"),
    (&["shape"], "full table", "tam tablo"),
    (&["shape"], "two-way", "iki yönlü"),
    (&["section", "level"], "chapter", "fasıl"),
    (&["section"], "country", "ülke"),
    (&["section"], "increase", "artış"),
    (&["section"], "national", "ulusal"),
    (&["section"], "panel", "panel"),
    (&["section"], "top", "ilk sıralar"),
    (&["section"], "unranked", "sırasız"),
    (METRICS, "change_pct", "değişim (%)"),
    (METRICS, "compared", "iki yılda da verisi olan il"),
    (METRICS, "exports", "ihracat"),
    (METRICS, "increase", "artış"),
    (METRICS, "month", "ayın verisi olan il"),
    (METRICS, "provinces_increased", "ihracatı artan il sayısı"),
    (METRICS, "provinces_over_1b", "1 milyar $'ı aşan il sayısı"),
    (METRICS, "total_change_pct", "toplam ihracattaki değişim (%)"),
    (METRICS, "total_exports", "toplam ihracat"),
    (&["share_of"], "national total derived from published year-to-date totals", "yayımlanan yılbaşından bu yana toplamlardan türetilen ulusal toplam"),
    (&["share_of"], "published national total", "yayımlanan ulusal toplam"),
    (&["share_of"], "sum of all 81 provinces", "81 ilin toplamı"),
    // What the shell's `.tables` and `.schema` list.
    (&["kind"], "table", "tablo"),
    (&["kind"], "view", "görünüm"),
    (&["is_nullable"], "YES", "evet"),
    (&["is_nullable"], "NO", "hayır"),
    // How a name resolved (`provinces resolve` and the like), where no spelling matched.
    (&["matched"], "plate code", "plaka kodu"),
    (&["matched"], "ISO 3166-1 numeric", "ISO 3166-1 sayısal kodu"),
    (&["matched"], "chapter code", "fasıl kodu"),
];

/// The columns whose codes a message's template may say (`{unit:0}`).
const CODE_COLUMNS: &[&str] = &["unit"];

const ORIGINS: &[&str] = &["origin", "change_origin", "rank_origin", "previous_origin", "replaced_origin"];
const METRICS: &[&str] = &["metric", "item"];

/// The analyses' categories (their folders under `sql/`) in the order a reader meets them, and
/// their titles in Turkish and English: the web application's headings, and what a Turkish
/// table of `ihracat queries` says in the category column.
pub const CATEGORIES: &[(&str, &str, &str)] = &[
    ("rankings", "Sıralamalar", "Rankings"),
    ("growth", "Büyüme", "Growth"),
    ("thresholds", "Eşikler", "Thresholds"),
    ("shares", "Paylar", "Shares"),
    ("profiles", "Profiller", "Profiles"),
    ("detail", "Ürün ve ülke ayrıntısı", "Product and country detail"),
    ("tables", "Tablolar", "Tables"),
    ("report", "Rapor", "Report"),
];

/// A category's title for a reader of `language`, if it is one of the shipped ones.
pub fn category_title(category: &str, language: Language) -> Option<&'static str> {
    CATEGORIES.iter().find(|(code, ..)| *code == category).map(|(_, tr, en)| if language == Language::Tr { *tr } else { *en })
}

/// Sentences the SQL writes, `{}` where it puts a value: (English, Turkish, English as shown).
/// `{0}`, `{1}` … in the second and third are the values, numbers grouped as the reader groups
/// them. The longer of two templates that share a start comes first.
const SENTENCES: &[(&str, &str, &str)] = &[
    ("sum of all 81 provinces ({} USD; the published national total is {} USD)", "81 ilin toplamı ({0} $; yayımlanan ulusal toplam {1} $)", "sum of all 81 provinces ({0} USD; the published national total is {1} USD)"),
    ("none: {} of 81 provinces have a value and no national total was published", "yok: 81 ilden {0} ilin değeri var ve ulusal toplam yayımlanmadı", ""),
    (
        "{} of 81 provinces have a value for the period and no release stated the count (releases state it for 1 billion USD only)",
        "dönem için 81 ilden {0} ilin değeri var ve sayıyı hiçbir bülten vermedi (bültenler bunu yalnızca 1 milyar $ için verir)",
        "",
    ),
    ("{} of 81 provinces have a value for the period and no release stated the count", "dönem için 81 ilden {0} ilin değeri var ve sayıyı hiçbir bülten vermedi", ""),
    ("{} of 81 provinces have a value in both periods and no release stated the count", "iki dönemde de 81 ilden {0} ilin değeri var ve sayıyı hiçbir bülten vermedi", ""),
    (
        "{} of 81 provinces have a value: hhi needs them all, and shares need a national total, which no release gave",
        "81 ilden {0} ilin değeri var: HHI hepsini, paylar da hiçbir bültenin vermediği bir ulusal toplamı gerektirir",
        "",
    ),
    ("{} of 81 provinces have a value: hhi needs them all, and a top share needs every rank above it", "81 ilden {0} ilin değeri var: HHI hepsini, ilk sıraların payı da üstündeki her sırayı gerektirir", ""),
    (
        "not computable: {} of 81 provinces have a value for the period ({} a year earlier); and no release in the data states it",
        "hesaplanamıyor: dönem için 81 ilden {0} ilin değeri var (bir yıl önce {1}) ve verideki hiçbir bülten bunu vermiyor",
        "",
    ),
    ("not computable: {} of 81 provinces have a value for the period; and no release in the data states it", "hesaplanamıyor: dönem için 81 ilden {0} ilin değeri var ve verideki hiçbir bülten bunu vermiyor", ""),
    // Why month_facts gives a place the release listed without its figure.
    (
        "not compared: the value for the month is loaded, the value a year earlier a release's",
        "karşılaştırılmadı: ayın değeri yüklendi, bir yıl önceki değer bir bültenin",
        "",
    ),
    ("not ranked: the loaded value differs from the value the release ranked", "sıralanmadı: yüklenen değer bültenin sıraladığı değerden farklı", ""),
    ("at least {}", "en az {0}", "at least {0}"),
    ("below {}", "{0} altı", "below {0}"),
    ("{} to {}", "{0} – {1}", "{0} to {1}"),
    ("{} (stated) minus the stated increase {}", "{0} (verilen) eksi verilen artış {1}", "{0} (stated) minus the stated increase {1}"),
    // A fall is written with a minus, as the charts write it (−%4,0), not as 1 + %-0,3.
    ("{} (stated) divided by 1 + -{} %", "{0} (verilen) / (1 − %{1})", "{0} (stated) divided by 1 − {1} %"),
    ("{} (stated) divided by 1 + {} %", "{0} (verilen) / (1 + %{1})", "{0} (stated) divided by 1 + {1} %"),
    (
        "the January-{} total {} (stated) minus the January-{} total {} (stated, {})",
        "Ocak-{0} toplamı {1} (verilen) eksi Ocak-{2} toplamı {3} (verilen, {4})",
        "the January-{0} total {1} (stated) minus the January-{2} total {3} (stated, {4})",
    ),
    ("{} sources", "{0} kaynak", ""),
    // What a load replaced that an earlier load had stored (`ihracat loads ID`).
    ("load {}", "yükleme {=0}", ""),
    // A shipped analysis's file (`ihracat queries`).
    ("sql/{} (shipped)", "sql/{=0} (pakette)", ""),
    // How an HS code finer than a chapter resolved (`products resolve`); the chapter as written.
    ("HS heading in chapter {}", "{=0}. fasılda GTİP pozisyonu", ""),
    ("HS subheading in chapter {}", "{=0}. fasılda GTİP alt pozisyonu", ""),
    ("national tariff line in chapter {}", "{=0}. fasılda ulusal tarife pozisyonu", ""),
];

/// Columns whose sentences the templates read (a province or a source URL is never one).
const SENTENCE_COLUMNS: &[&str] = &["band", "derived_from", "matched", "missing", "share_of", "source", "previous_source", "replaced_origin"];

/// What a person reading `language` reads for `value` in `column`, when it differs from the
/// value as stored.
pub fn cell_text(column: &str, value: &str, language: Language) -> Option<String> {
    if language == Language::Tr {
        if let Some((_, _, tr)) = CODES.iter().find(|(columns, code, _)| *code == value && columns.contains(&column)) {
            return Some(tr.to_string());
        }
        if column == "category" {
            return category_title(value, language).map(str::to_string);
        }
    }
    if column == "sources" {
        return sources_text(value, language);
    }
    if !SENTENCE_COLUMNS.contains(&column) {
        return None;
    }
    // A source is an address or a file; only "3 sources" (a count) and a shipped analysis's file
    // are sentences there.
    let in_source = column.ends_with("source");
    SENTENCES.iter().find_map(|(english, tr, en_shown)| {
        let values = matches(english, value)?;
        if in_source && !english.starts_with("sql/") && !values.iter().all(|v| v.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let shown = match language {
            Language::Tr => *tr,
            Language::En if en_shown.is_empty() => return None,
            Language::En => *en_shown,
        };
        Some(fill(shown, &values, language))
    })
}

/// A list of sources (`revisions`): "derived: HOW URL | URL", each derivation said in `language`.
fn sources_text(value: &str, language: Language) -> Option<String> {
    if !value.contains("derived: ") {
        return None;
    }
    let parts: Vec<String> = value
        .split(" | ")
        .map(|part| match part.strip_prefix("derived: ").and_then(|rest| rest.rsplit_once(" http")) {
            Some((how, url)) => {
                let how = cell_text("derived_from", how, language).unwrap_or_else(|| how.to_string());
                let word = if language == Language::Tr { "türetildi" } else { "derived" };
                format!("{word}: {how} http{url}")
            }
            None => part.to_string(),
        })
        .collect();
    Some(parts.join(" | "))
}

/// A boolean cell as a reader of `language` reads it.
pub fn yes_no(value: bool, language: Language) -> &'static str {
    match (value, language) {
        (true, Language::Tr) => "evet",
        (false, Language::Tr) => "hayır",
        (true, Language::En) => "yes",
        (false, Language::En) => "no",
    }
}

/// The values a template's `{}` stand for in `text`, if the text is that template.
pub(crate) fn matches(template: &str, text: &str) -> Option<Vec<String>> {
    let pieces: Vec<&str> = template.split("{}").collect();
    let mut rest = text.strip_prefix(pieces[0])?;
    let mut values = Vec::new();
    for (i, piece) in pieces.iter().enumerate().skip(1) {
        let end = if piece.is_empty() && i == pieces.len() - 1 { rest.len() } else { rest.find(piece)? };
        let value = &rest[..end];
        if value.is_empty() {
            return None;
        }
        values.push(value.to_string());
        rest = &rest[end + piece.len()..];
    }
    rest.is_empty().then_some(values)
}

/// A template's `{0}` is a value as a reader of `language` reads it (digits grouped, yes or no);
/// a value in backticks (`` `{0}` ``) or quotes is what someone typed or a file wrote and stays
/// as written: the year 1999 written back as 1.999 would be a number the user never gave. So
/// does `{=0}`, a name shown bare (a file called `2025` is not the number 2.025). `{unit:0}` is a
/// code said as a reader of `language` reads the `unit` column (`thousand-usd` is `bin $`).
pub(crate) fn fill(template: &str, values: &[String], language: Language) -> String {
    let mut out = template.to_string();
    for (i, value) in values.iter().enumerate() {
        out = out.replace(&format!("{{={i}}}"), value);
        for column in CODE_COLUMNS {
            let code = format!("{{{column}:{i}}}");
            if out.contains(&code) {
                out = out.replace(&code, &cell_text(column, value, language).unwrap_or_else(|| value.clone()));
            }
        }
        out = out.replace(&format!("`{{{i}}}`"), &format!("`{value}`"));
        out = out.replace(&format!("\"{{{i}}}\""), &format!("\"{value}\""));
        let shown = match value.as_str() {
            "true" | "false" => yes_no(value == "true", language).to_string(),
            v => group_digits(v, language),
        };
        out = out.replace(&format!("{{{i}}}"), &shown);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_name_is_filled_as_written_and_a_number_grouped() {
        let values = ["2025".to_string(), "2025".to_string()];
        assert_eq!(fill("{=0}: {1} satır", &values, Language::Tr), "2025: 2.025 satır");
        assert_eq!(fill("{=0}: {1} rows", &values, Language::En), "2025: 2,025 rows");
    }

    #[test]
    fn a_code_in_a_message_is_said_as_its_column_says_it() {
        let values = ["thousand-usd".to_string()];
        assert_eq!(fill("birim {unit:0}", &values, Language::Tr), "birim bin $");
        assert_eq!(fill("unit {unit:0}", &values, Language::En), "unit thousand-usd");
    }

    #[test]
    fn codes_are_said_in_turkish_and_left_as_they_are_in_english() {
        assert_eq!(cell_text("origin", "published", Language::Tr).as_deref(), Some("yayımlandı"));
        assert_eq!(cell_text("rank_origin", "computed", Language::Tr).as_deref(), Some("hesaplandı"));
        assert_eq!(cell_text("origin", "published", Language::En), None);
        // A code in a column that does not hold codes is data: a province called "panel" stays.
        assert_eq!(cell_text("province", "published", Language::Tr), None);
        assert_eq!(cell_text("replaced_origin", "derived", Language::Tr).as_deref(), Some("türetildi"));
        assert_eq!(cell_text("replaced_origin", "load 12", Language::Tr).as_deref(), Some("yükleme 12"));
        assert_eq!(cell_text("category", "thresholds", Language::Tr).as_deref(), Some("Eşikler"));
        assert_eq!(cell_text("category", "thresholds", Language::En), None);
        assert_eq!(category_title("detail", Language::En), Some("Product and country detail"));
        assert_eq!(cell_text("category", "my_folder", Language::Tr), None);
    }

    #[test]
    fn sentences_are_read_by_their_template_with_numbers_grouped() {
        assert_eq!(
            cell_text("missing", "8 of 81 provinces have a value for the period and no release stated the count", Language::Tr).as_deref(),
            Some("dönem için 81 ilden 8 ilin değeri var ve sayıyı hiçbir bülten vermedi")
        );
        assert_eq!(cell_text("band", "10000000 to 100000000", Language::Tr).as_deref(), Some("10.000.000 – 100.000.000"));
        assert_eq!(cell_text("band", "10000000 to 100000000", Language::En).as_deref(), Some("10,000,000 to 100,000,000"));
        assert_eq!(cell_text("band", "at least 2000000000", Language::Tr).as_deref(), Some("en az 2.000.000.000"));
        assert_eq!(
            cell_text("derived_from", "267500000 (stated) divided by 1 + 12.5 %", Language::Tr).as_deref(),
            Some("267.500.000 (verilen) / (1 + %12,5)")
        );
        // A URL inside a sentence is not a number.
        let derived = "the January-10 total 224600000000 (stated) minus the January-9 total 200625000000 (stated, https://x.org/a-9)";
        assert_eq!(
            cell_text("derived_from", derived, Language::Tr).as_deref(),
            Some("Ocak-10 toplamı 224.600.000.000 (verilen) eksi Ocak-9 toplamı 200.625.000.000 (verilen, https://x.org/a-9)")
        );
        assert_eq!(cell_text("missing", "something new", Language::Tr), None);
        assert_eq!(
            cell_text("sources", "derived: 1275000000 (stated) divided by 1 + 0.4 % https://a.org/x | https://b.org/y", Language::Tr).as_deref(),
            Some("türetildi: 1.275.000.000 (verilen) / (1 + %0,4) https://a.org/x | https://b.org/y")
        );
        assert_eq!(cell_text("source", "3 sources", Language::Tr).as_deref(), Some("3 kaynak"));
        // A fall: 4,330 million after a fall of 0.3 %.
        assert_eq!(cell_text("derived_from", "4330000000 (stated) divided by 1 + -0.3 %", Language::Tr).as_deref(), Some("4.330.000.000 (verilen) / (1 − %0,3)"));
        assert_eq!(cell_text("derived_from", "4330000000 (stated) divided by 1 + -0.3 %", Language::En).as_deref(), Some("4,330,000,000 (stated) divided by 1 − 0.3 %"));
        assert_eq!(cell_text("source", "https://a.org/x sources", Language::Tr), None);
        assert_eq!(cell_text("source", "sql/rankings/top_provinces.sql (shipped)", Language::Tr).as_deref(), Some("sql/rankings/top_provinces.sql (pakette)"));
        assert_eq!(cell_text("source", "my/own.sql", Language::Tr), None);
    }
}
