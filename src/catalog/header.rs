//! The header of a query file: the leading run of `---` lines.
//!
//! ```sql
//! --- summary  Provinces ranked by exports in a period
//! --- detail   Longer text; repeat the key for more lines.
//! --- returns  rank int, province text, value_usd decimal
//! --- param    year   int 2002..2100             the year
//! --- param    month  int 1..12 = 12             the month, or the last month of ytd
//! --- param    period one_of(month, ytd, year) = month
//! --- empty    why the result can be empty (printed on stderr when it is)
//! --- chart    bar value=value_usd label=province
//! --- pivot    column=heading value=value_usd row_heading=corner
//! --- summary_tr  the summary in Turkish, for charts and pages in Turkish
//! --- detail_tr   the detail in Turkish, line for line (a shipped query needs it)
//! --- empty_tr    the empty line in Turkish
//! --- example  year=2025 month=10
//! --- check    from_year <= to_year
//! ```
//!
//! `param NAME TYPE [LOW..HIGH] [= DEFAULT] [description]`; without a default a parameter is
//! required, and `= null` makes it optional with NULL bound when it is not given. `check A <= B`
//! (or `<`) names two declared parameters whose values must keep that order.

use super::params::{Check, Param, ParamType};
use crate::error::{Error, Result, Invalid};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    pub summary: String,
    pub detail: Vec<String>,
    pub returns: Vec<(String, String)>,
    pub params: Vec<Param>,
    pub examples: Vec<String>,
    /// Why the query can return no rows, said on stderr when it does: an empty result must
    /// never read as "none" when it means "not known".
    pub empty: Option<String>,
    /// The chart the result draws best (`ihracat chart` without `--kind`).
    pub chart: Option<super::ChartSpec>,
    /// The summary in Turkish: the title of a chart or page in Turkish.
    pub summary_tr: Option<String>,
    /// The detail in Turkish (`--- detail_tr` lines): pages and `run` in Turkish show it.
    pub detail_tr: Vec<String>,
    /// The `empty` reason in Turkish.
    pub empty_tr: Option<String>,
    /// The long result is shown wide: a column per heading (see `pivot`).
    pub pivot: Option<super::PivotSpec>,
    /// Orders two parameters' values must keep (`check from_year <= to_year`).
    pub checks: Vec<Check>,
}

const KEYS: &[&str] = &["summary", "summary_tr", "detail", "detail_tr", "returns", "param", "example", "empty", "empty_tr", "chart", "pivot", "check"];

pub fn parse(path: &str, text: &str) -> Result<Header> {
    let mut header = Header::default();
    // Checked once every parameter is read: a check may come before the lines it names.
    let mut checks = Vec::new();
    let err = |line: usize, message: String| Error::Header { path: path.to_string(), line, message };
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let Some(rest) = line.strip_prefix("---") else { break };
        let rest = rest.trim();
        if rest.is_empty() {
            continue;
        }
        let (key, value) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let value = value.trim();
        match key {
            "summary" if !header.summary.is_empty() => return Err(err(number, "a second `summary`".into())),
            "summary" => header.summary = value.to_string(),
            "detail" => header.detail.push(value.to_string()),
            "returns" => {
                for column in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                    let mut words = column.split_whitespace();
                    let name = words.next().unwrap_or_default().to_string();
                    let ty = words.collect::<Vec<_>>().join(" ");
                    if ty.is_empty() {
                        return Err(err(number, format!("`returns` column `{name}` has no type")));
                    }
                    header.returns.push((name, ty));
                }
            }
            "param" => {
                let param = parse_param(value).map_err(|m| err(number, m.0))?;
                // `ihracat serve` reads ?lang= as the page's language: such a parameter could not
                // be given there.
                if param.name == "lang" {
                    return Err(err(number, "`lang` cannot be a parameter name: `ihracat serve` uses ?lang= for the page's language".into()));
                }
                if header.params.iter().any(|p| p.name == param.name) {
                    return Err(err(number, format!("parameter `{}` is declared twice", param.name)));
                }
                header.params.push(param);
            }
            "example" => header.examples.push(value.to_string()),
            "check" => checks.push((number, Check::parse(value).map_err(|m| err(number, m.0))?)),
            "empty" if header.empty.is_some() => return Err(err(number, "a second `empty`".into())),
            "empty" => header.empty = Some(value.to_string()),
            "chart" if header.chart.is_some() => return Err(err(number, "a second `chart`".into())),
            "chart" => header.chart = Some(super::ChartSpec::parse(value).map_err(|m| err(number, m.0))?),
            "pivot" if header.pivot.is_some() => return Err(err(number, "a second `pivot`".into())),
            "pivot" => header.pivot = Some(super::PivotSpec::parse(value).map_err(|m| err(number, m.0))?),
            "summary_tr" if header.summary_tr.is_some() => return Err(err(number, "a second `summary_tr`".into())),
            "summary_tr" => header.summary_tr = Some(value.to_string()),
            "detail_tr" => header.detail_tr.push(value.to_string()),
            "empty_tr" if header.empty_tr.is_some() => return Err(err(number, "a second `empty_tr`".into())),
            "empty_tr" => header.empty_tr = Some(value.to_string()),
            other => {
                let hint = crate::suggest::closest(other, KEYS.iter().copied());
                return Err(err(number, format!("unknown header key `{other}`{}; the keys are {}", hint_text(&hint), KEYS.join(", "))));
            }
        }
    }
    if header.summary.is_empty() {
        return Err(err(1, "the header has no `--- summary` line".into()));
    }
    // A Turkish text says what the English one says: a Turkish reader must not miss a paragraph.
    if !header.detail_tr.is_empty() && header.detail_tr.len() != header.detail.len() {
        return Err(err(1, format!("{} `detail_tr` lines for {} `detail` lines: translate each paragraph once", header.detail_tr.len(), header.detail.len())));
    }
    for (number, check) in checks {
        check.check_declaration(&header.params).map_err(|m| err(number, m.0))?;
        header.checks.push(check);
    }
    if header.empty_tr.is_some() && header.empty.is_none() {
        return Err(err(1, "`empty_tr` without an `empty` line".into()));
    }
    // A pivot of columns the query says it does not return could only fail when it runs.
    if let (Some(pivot), false) = (&header.pivot, header.returns.is_empty()) {
        if let Some(missing) = pivot.needs().find(|c| !header.returns.iter().any(|(name, _)| name == c)) {
            return Err(err(1, format!("`pivot` names column `{missing}`, which `returns` does not declare")));
        }
    }
    Ok(header)
}

impl Header {
    /// The detail paragraphs in `language`, falling back to English where no Turkish is written.
    pub fn detail_in(&self, language: crate::language::Language) -> &[String] {
        match language {
            crate::language::Language::Tr if !self.detail_tr.is_empty() => &self.detail_tr,
            _ => &self.detail,
        }
    }

    /// The title in `language`: the Turkish summary, or the English one.
    pub fn title_in(&self, language: crate::language::Language) -> &str {
        match (language, &self.summary_tr) {
            (crate::language::Language::Tr, Some(tr)) => tr,
            _ => &self.summary,
        }
    }
}

fn hint_text(hint: &[String]) -> String {
    hint.first().map(|h| format!(" (did you mean `{h}`?)")).unwrap_or_default()
}

/// `NAME TYPE [LOW..HIGH] [= DEFAULT] [description]`
fn parse_param(text: &str) -> std::result::Result<Param, Invalid> {
    let mut rest = text.trim();
    let name = take_word(&mut rest).ok_or("`param` needs a name and a type")?;
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || name.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(crate::invalid!("`{name}` is not a parameter name (letters, digits and _)"));
    }
    let type_text = take_type(&mut rest).ok_or_else(|| format!("parameter `{name}` has no type"))?;
    let ty = ParamType::parse(&type_text).map_err(|m| format!("parameter `{name}`: {m}"))?;
    let mut range = None;
    if let Some((low, high)) = rest.split_whitespace().next().and_then(|w| w.split_once("..")) {
        if !low.is_empty() && !high.is_empty() && !rest.starts_with('=') {
            range = Some((low.to_string(), high.to_string()));
            take_word(&mut rest);
        }
    }
    let mut default = None;
    if let Some(after) = rest.strip_prefix('=') {
        rest = after.trim_start();
        let value = if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').ok_or_else(|| format!("parameter `{name}`: unclosed quote in the default"))?;
            let value = quoted[..end].to_string();
            rest = quoted[end + 1..].trim_start();
            value
        } else {
            take_word(&mut rest).ok_or_else(|| format!("parameter `{name}`: `=` without a default"))?
        };
        default = Some(value);
    }
    let param = Param { name, ty, range, default, doc: rest.trim().to_string() };
    param.check_declaration()?;
    Ok(param)
}

fn take_word(rest: &mut &str) -> Option<String> {
    let text = rest.trim_start();
    if text.is_empty() {
        return None;
    }
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    let word = text[..end].to_string();
    *rest = text[end..].trim_start();
    Some(word)
}

/// A type may hold spaces inside parentheses: `one_of(month, ytd, year)`.
fn take_type(rest: &mut &str) -> Option<String> {
    let text = rest.trim_start();
    if text.is_empty() {
        return None;
    }
    let mut depth = 0i32;
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            c if c.is_whitespace() && depth <= 0 => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    let ty = text[..end].to_string();
    *rest = text[end..].trim_start();
    Some(ty)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(lines: &[&str]) -> Result<Header> {
        parse("q.sql", &(lines.join("\n") + "\nSELECT 1"))
    }

    #[test]
    fn parses_a_full_header() {
        let h = header(&[
            "--- summary  Top provinces",
            "--- detail   First line.",
            "--- detail   Second line.",
            "--- returns  rank int, province text",
            "--- param    year int 2002..2100  the year",
            "--- param    period one_of(month, ytd, year) = ytd  which months",
            "--- param    province province = null",
            "--- param    label text = \"two words\"",
            "--- example  year=2025",
            "--- chart    map value=change_pct",
        ])
        .unwrap();
        assert_eq!(h.chart, Some(crate::catalog::ChartSpec { kind: crate::catalog::Kind::Map, value: Some("change_pct".into()), label: None, map: None, smallest_first: false }));
        assert_eq!(h.summary, "Top provinces");
        assert_eq!(h.detail, vec!["First line.", "Second line."]);
        assert_eq!(h.returns, vec![("rank".into(), "int".into()), ("province".into(), "text".into())]);
        assert_eq!(h.params.len(), 4);
        assert_eq!(h.params[0].name, "year");
        assert_eq!(h.params[0].ty, ParamType::Int);
        assert_eq!(h.params[0].range, Some(("2002".into(), "2100".into())));
        assert_eq!(h.params[0].default, None);
        assert_eq!(h.params[0].doc, "the year");
        assert_eq!(h.params[1].ty, ParamType::OneOf(vec!["month".into(), "ytd".into(), "year".into()]));
        assert_eq!(h.params[1].default.as_deref(), Some("ytd"));
        assert_eq!(h.params[1].doc, "which months");
        assert_eq!(h.params[2].default.as_deref(), Some("null"));
        assert_eq!(h.params[3].default.as_deref(), Some("two words"));
        assert_eq!(h.examples, vec!["year=2025"]);
    }

    fn error_of(lines: &[&str]) -> String {
        header(lines).unwrap_err().to_string()
    }

    #[test]
    fn reports_each_malformed_form_with_its_line() {
        assert_eq!(error_of(&["--- detail x"]), "q.sql:1: the header has no `--- summary` line");
        assert!(error_of(&["--- summary s", "--- sumary t"]).starts_with("q.sql:2: unknown header key `sumary` (did you mean `summary`?)"));
        assert_eq!(error_of(&["--- summary s", "--- summary t"]), "q.sql:2: a second `summary`");
        assert_eq!(error_of(&["--- summary s", "--- param"]), "q.sql:2: `param` needs a name and a type");
        assert_eq!(error_of(&["--- summary s", "--- param year"]), "q.sql:2: parameter `year` has no type");
        assert!(error_of(&["--- summary s", "--- param year integr"]).starts_with("q.sql:2: parameter `year`: unknown type `integr`"));
        assert_eq!(error_of(&["--- summary s", "--- param 1x int"]), "q.sql:2: `1x` is not a parameter name (letters, digits and _)");
        assert_eq!(
            error_of(&["--- summary s", "--- param p one_of(a, b) = c"]),
            "q.sql:2: parameter `p`: the default `c` is not valid: expected one of a, b"
        );
        assert_eq!(error_of(&["--- summary s", "--- param p int", "--- param p int"]), "q.sql:3: parameter `p` is declared twice");
        assert!(error_of(&["--- summary s", "--- param lang text"]).starts_with("q.sql:2: `lang` cannot be a parameter name"));
        assert_eq!(
            error_of(&["--- summary s", "--- returns a text", "--- pivot column=h value=a"]),
            "q.sql:1: `pivot` names column `h`, which `returns` does not declare"
        );
        assert_eq!(error_of(&["--- summary s", "--- detail a", "--- detail b", "--- detail_tr a"]), "q.sql:1: 1 `detail_tr` lines for 2 `detail` lines: translate each paragraph once");
        assert_eq!(error_of(&["--- summary s", "--- empty_tr yok"]), "q.sql:1: `empty_tr` without an `empty` line");
        assert_eq!(error_of(&["--- summary s", "--- returns rank"]), "q.sql:2: `returns` column `rank` has no type");
        assert_eq!(error_of(&["--- summary s", "--- param t text = \"open"]), "q.sql:2: parameter `t`: unclosed quote in the default");
        assert_eq!(error_of(&["--- summary s", "--- param m int 1..12 = 13"]), "q.sql:2: parameter `m`: the default `13` is not valid: 13 is outside 1..12");
        assert!(error_of(&["--- summary s", "--- param l list(list(int))"]).contains("a list of lists"));
        assert!(error_of(&["--- summary s", "--- param e one_of()"]).contains("one_of needs"));
        assert_eq!(error_of(&["--- summary s", "--- chart pie"]), "q.sql:2: unknown chart kind `pie`: the kinds are bar, line and map");
        assert_eq!(error_of(&["--- summary s", "--- chart bar colour=red"]), "q.sql:2: `colour=red` in `chart`: expected value=COLUMN, label=COLUMN, map=QUERY or first=smallest");
    }

    #[test]
    fn the_header_ends_at_the_first_other_line() {
        let h = parse("q.sql", "--- summary s\nSELECT 1\n--- param x int\n").unwrap();
        assert!(h.params.is_empty());
    }
}
