//! DuckDB's errors about a user's SQL (`sql`, `shell`, the web application's SQL page) in Turkish,
//! when every line of one is known: the kind of error, the commonest messages (an unknown column,
//! table or function, a syntax error, a value that does not convert), DuckDB's suggestions, and
//! the line it points at, with the caret kept under the same character. An error with any line
//! unknown stays whole in DuckDB's English: half a translation would say less than the original.

use crate::codes::{fill, matches};
use crate::language::Language;

/// The kinds of error DuckDB names before its message.
const KINDS: &[(&str, &str)] = &[
    ("Binder Error", "Bağlama hatası"),
    ("Catalog Error", "Katalog hatası"),
    ("Parser Error", "Ayrıştırma hatası"),
    ("Conversion Error", "Dönüştürme hatası"),
];

/// Its messages and the lines it adds under them. A name DuckDB quotes stays as the user wrote
/// it (`{=0}`: a table called 2025 is not the number 2.025).
const LINES: &[(&str, &str)] = &[
    ("Referenced column \"{}\" not found in FROM clause!", "FROM'daki tablolarda \"{=0}\" sütunu yok"),
    ("Table with name {} does not exist!", "{=0} adlı tablo ya da görünüm yok"),
    ("Scalar Function with name {} does not exist!", "{=0} adlı fonksiyon yok"),
    ("Table Function with name {} does not exist!", "{=0} adlı tablo fonksiyonu yok"),
    ("syntax error at or near \"{}\"", "\"{=0}\" yakınında sözdizimi hatası"),
    ("syntax error at end of input", "SQL beklenmeden bitti"),
    ("Could not convert string '{}' to {}", "'{=0}' metni {=1} türüne dönüştürülemiyor"),
    ("Candidate bindings: {}", "Olası sütunlar: {=0}"),
    ("Did you mean \"{}\"?", "Bunu mu demek istediniz: \"{=0}\"?"),
];

/// `text`, one of DuckDB's errors, in Turkish; None when a line of it is not known.
pub(super) fn in_turkish(text: &str) -> Option<String> {
    let mut lines = text.lines();
    let (kind, first) = lines.next()?.split_once(": ")?;
    let kind = KINDS.iter().find(|(english, _)| *english == kind)?.1;
    let mut said = vec![format!("{kind}: {}", line(first)?)];
    // How much longer the Turkish "SATIR n: " is than "LINE n: ": the caret under the SQL moves
    // by as much.
    let mut shift = 0;
    for text in lines {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            said.push(String::new());
        } else if let Some((number, sql)) = text.strip_prefix("LINE ").and_then(|rest| rest.split_once(": ")) {
            shift = "SATIR ".len() - "LINE ".len();
            said.push(format!("SATIR {number}: {sql}"));
        } else if trimmed.chars().all(|c| c == '^') {
            said.push(format!("{}{text}", " ".repeat(shift)));
        } else {
            said.push(line(text)?);
        }
    }
    Some(said.join("\n"))
}

fn line(text: &str) -> Option<String> {
    LINES.iter().find_map(|(english, turkish)| matches(english, text).map(|values| fill(turkish, &values, Language::Tr)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_column_is_said_in_turkish_with_the_caret_under_it() {
        let english = "Binder Error: Referenced column \"provnce\" not found in FROM clause!\nCandidate bindings: \"province_code\", \"source\"\n\nLINE 1: SELECT provnce FROM exports\n               ^^^^^^^";
        assert_eq!(
            in_turkish(english).unwrap(),
            "Bağlama hatası: FROM'daki tablolarda \"provnce\" sütunu yok\nOlası sütunlar: \"province_code\", \"source\"\n\nSATIR 1: SELECT provnce FROM exports\n                ^^^^^^^"
        );
    }

    #[test]
    fn an_error_with_a_line_not_known_stays_in_english() {
        assert_eq!(in_turkish("Binder Error: something new\n\nLINE 1: SELECT 1"), None);
        assert_eq!(in_turkish("Catalog Error: Table with name exprts does not exist!\nA line DuckDB added later"), None);
        assert_eq!(in_turkish("IO Error: No files found that match the pattern \"x.csv\""), None);
    }
}
