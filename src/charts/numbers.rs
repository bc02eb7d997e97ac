//! Numbers as a chart prints them: short, in the reader's language ("4,86 milyar $", "859 milyon
//! $", "%6,1"; "$4.86 billion", "6.1%"), on labels, axes and legends alike.

use crate::language::Language;
use crate::language::group_digits;

/// What a column measures, from its name: the catalog's naming rule (`_usd` dollars, `_pct`
/// percent) is what lets a chart format a column it has never seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Money,
    Percent,
    /// Counts, ranks and indexes: whole numbers, digits grouped.
    Count,
    /// Anything else: as many decimals as it needs, at most two.
    Plain,
}

impl Measure {
    pub fn of(column: &str, integer: bool) -> Measure {
        if column.ends_with("_usd") {
            Measure::Money
        } else if column.ends_with("_pct") {
            Measure::Percent
        } else if integer {
            Measure::Count
        } else {
            Measure::Plain
        }
    }
}

/// The minus sign typography uses, not a hyphen.
const MINUS: char = '\u{2212}';

/// A value as a label beside a bar or in a tooltip: three significant figures for money.
pub fn label(value: f64, measure: Measure, language: Language) -> String {
    match measure {
        Measure::Money => {
            let (unit, scale) = money_unit(value.abs(), language);
            let scaled = value.abs() / scale;
            let places = if scale == 1.0 { 0 } else if scaled >= 100.0 { 0 } else if scaled >= 10.0 { 1 } else { 2 };
            // "90 milyon $" beside "191 milyon $", not "90,0".
            let digits = number(scaled, places, language);
            let digits = if places > 0 { digits.trim_end_matches('0').trim_end_matches([',', '.']).to_string() } else { digits };
            money(signed(value, digits), unit, language)
        }
        // One decimal, dropped where it is zero, as the report writes it: a release's whole
        // "yüzde 3" is "%3", not "%3,0", a decimal no source printed.
        Measure::Percent => percent(value, if (value.abs() * 10.0).round() % 10.0 == 0.0 { 0 } else { 1 }, language),
        Measure::Count => signed(value, group(value.abs().round(), language)),
        Measure::Plain => signed(value, number(value.abs(), 2, language)),
    }
}

/// A value on an axis whose ticks are `step` apart, with the decimals the step needs and the
/// unit of the largest tick (so that 0, 1,5 and 3 milyar $ read as one scale).
pub fn tick(value: f64, step: f64, largest: f64, measure: Measure, language: Language) -> String {
    match measure {
        Measure::Money => {
            let (unit, scale) = money_unit(largest.abs(), language);
            if value == 0.0 {
                return "0".to_string();
            }
            let places = decimals_for(step / scale);
            money(signed(value, number(value.abs() / scale, places, language)), unit, language)
        }
        Measure::Percent => percent(value, decimals_for(step), language),
        Measure::Count => signed(value, group(value.abs(), language)),
        Measure::Plain => signed(value, number(value.abs(), decimals_for(step), language)),
    }
}

fn money_unit(magnitude: f64, language: Language) -> (&'static str, f64) {
    let units: [(&str, &str, f64); 3] = [("milyar", "billion", 1e9), ("milyon", "million", 1e6), ("bin", "thousand", 1e3)];
    for (tr, en, scale) in units {
        if magnitude >= scale {
            return (if language == Language::Tr { tr } else { en }, scale);
        }
    }
    ("", 1.0)
}

fn money(number: String, unit: &str, language: Language) -> String {
    match (language, unit.is_empty()) {
        (Language::Tr, true) => format!("{number} $"),
        (Language::Tr, false) => format!("{number} {unit} $"),
        // "−$316 million": the sign before the currency.
        (Language::En, _) => {
            let (sign, digits) = number.strip_prefix(MINUS).map(|d| (MINUS.to_string(), d.to_string())).unwrap_or((String::new(), number));
            if unit.is_empty() { format!("{sign}${digits}") } else { format!("{sign}${digits} {unit}") }
        }
    }
}

/// "%6,1" in Turkish (the sign before the number: "−%4,8"), "6.1%" in English.
fn percent(value: f64, places: usize, language: Language) -> String {
    let digits = number(value.abs(), places, language);
    let sign = if value < 0.0 && digits.chars().any(|c| c.is_ascii_digit() && c != '0') { MINUS.to_string() } else { String::new() };
    match language {
        Language::Tr => format!("{sign}%{digits}"),
        Language::En => format!("{sign}{digits}%"),
    }
}

fn signed(value: f64, digits: String) -> String {
    if value < 0.0 && digits.chars().any(|c| c.is_ascii_digit() && c != '0') { format!("{MINUS}{digits}") } else { digits }
}

/// A non-negative number with `places` decimals, digits grouped, in the language's style.
fn number(value: f64, places: usize, language: Language) -> String {
    let text = crate::language::fixed(value, places);
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let whole = group(whole.parse::<f64>().unwrap_or(0.0), language);
    match (fraction.is_empty(), language) {
        (true, _) => whole,
        (false, Language::Tr) => format!("{whole},{fraction}"),
        (false, Language::En) => format!("{whole}.{fraction}"),
    }
}

fn group(whole: f64, language: Language) -> String {
    group_digits(&format!("{whole:.0}"), language)
}

/// The decimals a step needs to be printed exactly: 0.5 needs one, 0.25 two, 5 none.
fn decimals_for(step: f64) -> usize {
    (0..4).find(|&places| {
        let scaled = step * 10f64.powi(places as i32);
        (scaled - scaled.round()).abs() < 1e-6
    }).unwrap_or(4)
}

/// Round tick values covering `low..=high`: steps of 1, 2 or 5 times a power of ten, about
/// `target` of them (whole steps for counts and ranks). Returns the ticks, first at or below
/// `low`, last at or above `high`.
pub fn nice_ticks(low: f64, high: f64, target: usize, measure: Measure) -> Vec<f64> {
    let (low, high) = if low == high { if low == 0.0 { (0.0, 1.0) } else { (low.min(0.0), high.max(0.0)) } } else { (low, high) };
    let raw = (high - low) / target.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * power).find(|s| *s >= raw).unwrap_or(10.0 * power);
    let step = if measure == Measure::Count { step.max(1.0).round() } else { step };
    let first = (low / step).floor() as i64;
    let last = (high / step).ceil() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{En, Tr};

    #[test]
    fn money_reads_as_newspapers_print_it() {
        assert_eq!(label(4_859_000_000.0, Measure::Money, Tr), "4,86 milyar $");
        assert_eq!(label(859_000_000.0, Measure::Money, Tr), "859 milyon $");
        assert_eq!(label(-315_653_887.0, Measure::Money, Tr), "−316 milyon $");
        assert_eq!(label(4_859_000_000.0, Measure::Money, En), "$4.86 billion");
        assert_eq!(label(-315_653_887.0, Measure::Money, En), "−$316 million");
        assert_eq!(label(12_500.0, Measure::Money, Tr), "12,5 bin $");
        assert_eq!(label(90_000_000.0, Measure::Money, Tr), "90 milyon $");
        assert_eq!(label(1_100_000_000.0, Measure::Money, En), "$1.1 billion");
        assert_eq!(label(1_234_567_890_123.0, Measure::Money, Tr), "1.235 milyar $");
    }

    #[test]
    fn percents_put_the_sign_where_each_language_does() {
        assert_eq!(label(6.13, Measure::Percent, Tr), "%6,1");
        assert_eq!(label(-4.8, Measure::Percent, Tr), "−%4,8");
        assert_eq!(label(-4.8, Measure::Percent, En), "−4.8%");
        assert_eq!(label(-0.01, Measure::Percent, En), "0%");
        assert_eq!(label(3.0, Measure::Percent, Tr), "%3");
        assert_eq!(label(-23.0, Measure::Percent, En), "−23%");
    }

    #[test]
    fn ticks_share_the_largest_ticks_unit() {
        assert_eq!(tick(1.5e9, 5e8, 5e9, Measure::Money, Tr), "1,5 milyar $");
        assert_eq!(tick(0.0, 5e8, 5e9, Measure::Money, Tr), "0");
        assert_eq!(tick(5e8, 5e8, 5e9, Measure::Money, En), "$0.5 billion");
        assert_eq!(tick(12_000.0, 2000.0, 12_000.0, Measure::Count, Tr), "12.000");
    }

    #[test]
    fn nice_ticks_cover_the_data_with_round_steps() {
        assert_eq!(nice_ticks(0.0, 4.859e9, 5, Measure::Money), vec![0.0, 1e9, 2e9, 3e9, 4e9, 5e9]);
        assert_eq!(nice_ticks(-315.0, 191.0, 5, Measure::Money), vec![-400.0, -200.0, 0.0, 200.0]);
        let ticks = nice_ticks(3.0, 3.0, 4, Measure::Plain);
        assert_eq!(nice_ticks(1.0, 2.0, 5, Measure::Count), vec![1.0, 2.0]);
        assert!(ticks.first().unwrap() <= &0.0 && ticks.last().unwrap() >= &3.0);
    }
}
