//! A command line clap refuses (an unknown command or option, a value not among the choices, a
//! missing argument), said in Turkish to a reader who asked for Turkish, in clap's own layout:
//! the problem, a hint, the usage line and where to read more. The kinds of refusal with no
//! Turkish here stay as clap writes them, whole. (`--help` in Turkish is `help_tr`'s.)

use clap::error::{ContextKind, ContextValue, ErrorKind};

use ihracat::language::Language;

/// The language a refused command line is said in, read from the words themselves since they did
/// not parse: the one asked for, else Turkish for `chart` and `report` (which speak Turkish unless
/// told) and English for the rest, as `Cli::language` decides once parsed.
pub fn language(args: &[String]) -> Language {
    asked(args).unwrap_or(if matches!(command(args), Some("chart" | "report")) { Language::Tr } else { Language::En })
}

/// The language the reader asked for: `--lang` or `--locale` where given, else IHRACAT_LOCALE,
/// else a Turkish locale (LC_ALL, LC_MESSAGES, LANG). `--help` follows it alone: the interface is
/// described in the reader's language, not in the language a chart is drawn in by default.
pub fn asked(args: &[String]) -> Option<Language> {
    let given = |flag: &str| {
        args.iter().enumerate().find_map(|(i, a)| match a.strip_prefix(flag) {
            Some("") => args.get(i + 1).cloned(),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        })
    };
    let turkish = |value: String| if value.trim().eq_ignore_ascii_case("tr") { Language::Tr } else { Language::En };
    given("--lang")
        .or_else(|| given("--locale"))
        .or_else(|| std::env::var("IHRACAT_LOCALE").ok())
        .map(turkish)
        .or_else(|| Language::of_messages().filter(|l| *l == Language::Tr))
}

/// The subcommand: the first word that is neither an option nor a global option's value.
fn command(args: &[String]) -> Option<&str> {
    const WITH_VALUE: &[&str] = &["--db", "--wait", "--queries", "--memory-limit", "--temp-dir", "--threads"];
    let mut words = args.iter().skip(1);
    while let Some(word) = words.next() {
        if WITH_VALUE.contains(&word.as_str()) {
            words.next();
        } else if !word.starts_with('-') {
            return Some(word);
        }
    }
    None
}

/// `error` in Turkish, laid out as clap lays it out, when every part of it has Turkish words.
pub fn turkish(error: &clap::Error) -> Option<String> {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let list = |kind| match error.get(kind) {
        Some(ContextValue::Strings(values)) => values.clone(),
        Some(ContextValue::String(value)) => vec![value.clone()],
        _ => Vec::new(),
    };
    let mut said = match error.kind() {
        ErrorKind::InvalidValue => {
            let (arg, value) = (text(ContextKind::InvalidArg)?, text(ContextKind::InvalidValue)?);
            let mut said = if value.is_empty() { format!("'{arg}' bir değer ister, ama değer verilmedi") } else { format!("'{arg}' için geçersiz değer: '{value}'") };
            let choices = list(ContextKind::ValidValue);
            if !choices.is_empty() {
                said.push_str(&format!("\n  [olası değerler: {}]", choices.join(", ")));
            }
            said
        }
        // The reason comes from the value's parser, in English: said in Turkish when it is one
        // of the known ones (a number outside its range, `report --month`'s forms), else the
        // whole error stays English.
        ErrorKind::ValueValidation => {
            let (arg, value) = (text(ContextKind::InvalidArg)?, text(ContextKind::InvalidValue)?);
            let reason = std::error::Error::source(error)?.to_string();
            format!("'{arg}' için geçersiz değer: '{value}': {}", reason_in_turkish(&reason)?)
        }
        ErrorKind::UnknownArgument => format!("beklenmeyen argüman: '{}'", text(ContextKind::InvalidArg)?),
        ErrorKind::InvalidSubcommand => format!("bilinmeyen komut: '{}'", text(ContextKind::InvalidSubcommand)?),
        ErrorKind::MissingRequiredArgument => {
            let missing = list(ContextKind::InvalidArg);
            format!("şu zorunlu argümanlar verilmedi:{}", missing.iter().map(|m| format!("\n  {m}")).collect::<String>())
        }
        ErrorKind::ArgumentConflict => {
            let arg = text(ContextKind::InvalidArg)?;
            match error.get(ContextKind::PriorArg) {
                Some(ContextValue::String(prior)) if *prior == arg => format!("'{arg}' argümanı bir kereden çok verilemez"),
                Some(ContextValue::String(prior)) => format!("'{arg}' argümanı '{prior}' ile birlikte verilemez"),
                Some(ContextValue::Strings(prior)) => format!("'{arg}' argümanı şunlarla birlikte verilemez:{}", prior.iter().map(|p| format!("\n  {p}")).collect::<String>()),
                _ => return None,
            }
        }
        _ => return None,
    };
    let mut hints = Vec::new();
    for (kind, one_of, many_of) in [
        (ContextKind::SuggestedSubcommand, "komut", "komutlar"),
        (ContextKind::SuggestedArg, "argüman", "argümanlar"),
        (ContextKind::SuggestedValue, "değer", "değerler"),
    ] {
        match list(kind).as_slice() {
            [] => {}
            [one] => hints.push(format!("benzer bir {one_of} var: '{one}'")),
            many => hints.push(format!("benzer {many_of} var: {}", many.iter().map(|m| format!("'{m}'")).collect::<Vec<_>>().join(", "))),
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
        for tip in tips {
            // clap's one tip: "to pass '--x' as a value, use '-- --x'".
            let tip = tip.to_string();
            let value = tip.strip_prefix("to pass '")?.split_once("' as a value, use '-- ")?.0.to_string();
            hints.push(format!("'{value}' bir değer olarak verilecekse '-- {value}' yazın"));
        }
    }
    if !hints.is_empty() {
        said.push('\n');
        for hint in hints {
            said.push_str(&format!("\n  ipucu: {hint}"));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        said.push_str(&format!("\n\nKullanım: {}", usage.strip_prefix("Usage: ").unwrap_or(&usage)));
    }
    said.push_str("\n\nDaha fazla bilgi için '--help' deneyin.");
    Some(format!("hata: {said}\n"))
}

/// A value parser's reason in Turkish, when it is one ihracat knows.
fn reason_in_turkish(reason: &str) -> Option<String> {
    match reason {
        "a month is 1 to 12, or a year and month such as 2025-10" => return Some("ay 1 ile 12 arasında bir sayıdır ya da 2025-10 gibi yılıyla yazılır".into()),
        "the year must be 2000 to 2100" => return Some("yıl 2000 ile 2100 arasında olmalı".into()),
        _ => {}
    }
    // clap's ranged numbers: "13 is not in 1..=12".
    let (value, range) = reason.split_once(" is not in ")?;
    let (low, high) = range.split_once("..=")?;
    Some(format!("{value}, {low} ile {high} arasında değil"))
}
