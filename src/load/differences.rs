//! How far a load's values are from the published figures they replace (design rule 2). Nothing
//! is refused for it: a user's table outranks the releases. But a table of registered-basis
//! values loaded with `--basis activity`, or of thousands read as dollars, shows up here, in the
//! load's summary, instead of silently in every analysis.

use duckdb::Connection;

use crate::error::{Context, Result};
use crate::language::Language;

/// A loaded value beside the published (or derived) one it replaces, where the two differ by
/// more than the published figure's rounding.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Difference {
    pub province: String,
    pub year: i32,
    pub month: i32,
    /// Whole dollars, digits grouped ("4,859,000,000").
    pub published_usd: String,
    /// The loaded value, digits grouped, with its cents where it has them ("1,234,567.50").
    pub loaded_usd: String,
    /// The loaded value's difference from the published one, in percent of the published one.
    pub difference_pct: Option<f64>,
}

/// How many of the bundled rows the staged file (`_load`) replaces differ beyond their rounding,
/// and the `most` largest of them by percent.
pub(super) fn from_published(conn: &Connection, most: usize) -> Result<(u64, Vec<Difference>)> {
    let mut stmt = conn
        .prepare(
            "WITH d AS (
                 SELECT p.name AS province, e.province_code, e.year, e.month, e.value_usd AS published, l.value_usd AS loaded,
                        CASE WHEN e.value_usd > 0 THEN round(100 * (l.value_usd - e.value_usd) / e.value_usd, 1) END::DOUBLE AS pct
                 FROM _load l
                 JOIN exports e USING (province_code, year, month, basis)
                 JOIN provinces p ON p.code = e.province_code
                 WHERE e.load_id IS NULL AND abs(l.value_usd - e.value_usd) > e.precision_usd / 2
             )
             SELECT province, year, month, format('{:,}', published::BIGINT),
                    CASE WHEN loaded = trunc(loaded) THEN format('{:,}', loaded::BIGINT) ELSE format('{:,.2f}', loaded) END, pct, count(*) OVER ()
             FROM d
             ORDER BY abs(pct) DESC NULLS FIRST, abs(loaded - published) DESC, province_code, year, month
             LIMIT ?",
        )
        .context(|| "comparing the loaded values with the published ones".into())?;
    let mut differing = 0u64;
    let rows = stmt
        .query_map([most as i64], |r| {
            differing = r.get::<_, i64>(6)? as u64;
            Ok(Difference {
                province: r.get(0)?,
                year: r.get(1)?,
                month: r.get(2)?,
                published_usd: r.get(3)?,
                loaded_usd: r.get(4)?,
                difference_pct: r.get(5)?,
            })
        })
        .context(|| "comparing the loaded values with the published ones".into())?
        .collect::<std::result::Result<Vec<_>, _>>()
        .context(|| "comparing the loaded values with the published ones".into())?;
    Ok((differing, rows))
}

/// The summary's lines for the differences: the count, the largest, and where to see them all.
pub(super) fn describe(differing: u64, largest: &[Difference], load_id: Option<i64>, language: Language) -> String {
    if differing == 0 {
        return String::new();
    }
    let tr = language == Language::Tr;
    let mut text = match tr {
        false => format!("\n  {differing} of the replaced bundled values differ from the published ones by more than their rounding; the largest:"),
        true => format!("\n  yerine geçilen paket değerlerinden {differing} tanesi yayımlanan değerden yuvarlamasından fazla farklı; en büyükleri:"),
    };
    for d in largest {
        let line = match tr {
            false => {
                let pct = d.difference_pct.map(|p| format!(" ({p:+.1} %)")).unwrap_or_default();
                format!("\n    {} {}-{:02}: published {}, loaded {}{pct}", d.province, d.year, d.month, d.published_usd, d.loaded_usd)
            }
            true => {
                // Dollars grouped the English way: the Turkish groups with dots and writes cents after a comma.
                let pct = d.difference_pct.map(|p| format!(" ({}%{})", if p < 0.0 { "-" } else { "+" }, crate::language::fixed(p.abs(), 1).replace('.', ","))).unwrap_or_default();
                let dots = |usd: &str| usd.chars().map(|c| match c { ',' => '.', '.' => ',', c => c }).collect::<String>();
                format!("\n    {} {}-{:02}: yayımlanan {}, yüklenen {}{pct}", d.province, d.year, d.month, dots(&d.published_usd), dots(&d.loaded_usd))
            }
        };
        text.push_str(&line);
    }
    if let Some(id) = load_id {
        text.push_str(&match tr {
            false => format!("\n  `ihracat loads {id}` lists every row the load replaced"),
            true => format!("\n  `ihracat loads {id}` yüklemenin yerine geçtiği her satırı listeler"),
        });
    }
    text
}
