//! The two languages ihracat writes for people, Turkish (the default) and English, and the
//! number style of each: words and numbers are one choice, so a page, a chart, a workbook and a
//! table in Turkish group digits the Turkish way (4.859.123,45).

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Tr,
    En,
}

/// A number style is a language's: `Locale::Tr` is `Language::Tr`. The name stays for the places
/// that speak of numbers only (tables, `--locale`).
pub type Locale = Language;

impl Language {
    /// `tr` when the environment's locale is Turkish, else `en` (for number style; the words of
    /// pages and reports default to Turkish).
    pub fn from_env() -> Language {
        Language::of_locale(&["LC_ALL", "LC_NUMERIC", "LANG"]).unwrap_or(Language::En)
    }

    /// The language the environment's locale names for messages (LC_ALL, LC_MESSAGES, then
    /// LANG, as POSIX reads them), or None when none is set: a Turkish `LANG` asks for Turkish.
    pub fn of_messages() -> Option<Language> {
        Language::of_locale(&["LC_ALL", "LC_MESSAGES", "LANG"])
    }

    /// The first of the locale variables that is set and not empty, as a language.
    fn of_locale(vars: &[&str]) -> Option<Language> {
        let value = vars.iter().find_map(|var| std::env::var(var).ok().filter(|v| !v.is_empty()))?;
        Some(if value.starts_with("tr") { Language::Tr } else { Language::En })
    }

    /// A list as the language says it: "a, b ve c", "a, b and c".
    pub fn list(self, items: &[String]) -> String {
        let last = match self {
            Language::Tr => " ve ",
            Language::En => " and ",
        };
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., final_item] => format!("{}{last}{final_item}", init.join(", ")),
        }
    }

    /// The thousands separator and the decimal mark.
    fn separators(self) -> (char, char) {
        match self {
            Language::En => (',', '.'),
            Language::Tr => ('.', ','),
        }
    }
}

/// `value` with `places` decimals, a half rounded away from zero, as a printed figure is: 2,944.5
/// million is 2,945 (where `format!` rounds a half to even, 2,944), so that a report's text,
/// which says "2 milyar 945 milyon", and its table agree.
///
/// The rounding is done on the decimal digits the value was written with (the shortest decimal
/// that reads back as it), not on its binary value: 224.55 billion is 224.6, where
/// `(224.55 * 10).round()` reads the double just under 224.55 and gives 224.5.
pub fn fixed(value: f64, places: usize) -> String {
    if !value.is_finite() {
        return format!("{value}");
    }
    // Display writes the shortest decimal that reads back as the value, never in exponent form.
    let written = format!("{}", value.abs());
    let (int, frac) = written.split_once('.').unwrap_or((&written, ""));
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes().chain(std::iter::repeat(b'0')).take(places)).collect();
    if frac.as_bytes().get(places).is_some_and(|d| *d >= b'5') {
        // Carry the one up through the nines: 9.995 → 10.00.
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let split = digits.len() - places;
    let (whole, decimals) = digits.split_at(split);
    let sign = if value.is_sign_negative() { "-" } else { "" };
    let whole = String::from_utf8_lossy(whole);
    if places == 0 { format!("{sign}{whole}") } else { format!("{sign}{whole}.{}", String::from_utf8_lossy(decimals)) }
}

/// Puts thousands separators into a plain number as arrow prints it ("-4859123.45").
pub fn group_digits(text: &str, locale: Locale) -> String {
    let (thousands, decimal) = locale.separators();
    let (sign, rest) = text.strip_prefix('-').map(|r| ("-", r)).unwrap_or(("", text));
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || frac.is_some_and(|f| !f.bytes().all(|b| b.is_ascii_digit())) {
        return text.to_string(); // NaN, inf, scientific notation: leave as printed
    }
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}{decimal}{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A count in English, singular where there is one: "1 row", "2 rows". English is the text the
/// messages' Turkish templates read (`messages`), and Turkish has no plural after a number.
pub fn counted(count: u64, one: &str, many: &str) -> String {
    if count == 1 { format!("1 {one}") } else { format!("{count} {many}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_lists_the_turkish_and_english_way() {
        let items = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(Language::Tr.list(&items), "a, b ve c");
        assert_eq!(Language::En.list(&items[..2]), "a and b");
        assert_eq!(Language::Tr.list(&items[..1]), "a");
    }

    #[test]
    fn one_is_counted_in_the_singular() {
        assert_eq!(counted(1, "row", "rows"), "1 row");
        assert_eq!(counted(0, "row", "rows"), "0 rows");
        assert_eq!(counted(2, "replaced row restored", "replaced rows restored"), "2 replaced rows restored");
    }

    #[test]
    fn a_half_is_rounded_away_from_zero_as_printed_figures_are() {
        assert_eq!(fixed(2944.5, 0), "2945");
        assert_eq!(fixed(2943.5, 0), "2944");
        assert_eq!(fixed(-0.25, 1), "-0.3");
        assert_eq!(fixed(17.7, 1), "17.7");
        assert_eq!(fixed(3.0, 1), "3.0");
        // Halves as written in decimal, which the nearest double misses by a hair either way.
        assert_eq!(fixed(224.55, 1), "224.6");
        assert_eq!(fixed(1.005, 2), "1.01");
        assert_eq!(fixed(2.675, 2), "2.68");
        assert_eq!(fixed(-1.005, 2), "-1.01");
        assert_eq!(fixed(9.995, 2), "10.00");
        assert_eq!(fixed(99.96, 1), "100.0");
        assert_eq!(fixed(0.044, 1), "0.0");
        assert_eq!(fixed(12.0, 0), "12");
        assert_eq!(fixed(4859.123, 0), "4859");
        assert_eq!(fixed(1e-7, 2), "0.00");
        assert_eq!(fixed(123456789012.0, 2), "123456789012.00");
    }

    #[test]
    fn groups_digits_in_both_locales() {
        assert_eq!(group_digits("4859123.45", Locale::En), "4,859,123.45");
        assert_eq!(group_digits("4859123.45", Locale::Tr), "4.859.123,45");
        assert_eq!(group_digits("-1000", Locale::En), "-1,000");
        assert_eq!(group_digits("999", Locale::Tr), "999");
        assert_eq!(group_digits("NaN", Locale::En), "NaN");
        assert_eq!(group_digits("1e10", Locale::En), "1e10");
    }
}
