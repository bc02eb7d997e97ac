//! The SQL macros the schema defines, as their files wrote them (comments included): `queries
//! show` prints the ones a named query is built on, so that a query that reads
//! `FROM province_ranking(…)` can still be read to the end without a checkout.

use super::{MIGRATIONS, SCHEMA_SQL};

/// One macro's definition as the database has it: the last file that (re)defines it wins.
#[derive(Debug, Clone, PartialEq)]
pub struct Macro {
    pub name: String,
    /// The file under src/db/ that defines it.
    pub file: &'static str,
    /// The comment lines above the statement, and the statement.
    pub text: String,
}

/// Every macro of the current schema.
pub fn macros() -> Vec<Macro> {
    let files = std::iter::once(("schema.sql", SCHEMA_SQL)).chain(MIGRATIONS.iter().map(|(_, file, sql)| (*file, *sql)));
    let mut found: Vec<Macro> = Vec::new();
    for (file, sql) in files {
        for defined in definitions(file, sql) {
            found.retain(|m| m.name != defined.name);
            found.push(defined);
        }
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

/// The macros a piece of SQL calls, and the macros they call, each once: the ones it calls
/// first, in name order, then theirs.
pub fn called_by(sql: &str) -> Vec<Macro> {
    let all = macros();
    let mut found: Vec<Macro> = Vec::new();
    let mut next = 0;
    let calls_in = |text: &str, found: &mut Vec<Macro>| {
        for m in all.iter().filter(|m| calls(text, &m.name)) {
            if !found.iter().any(|f| f.name == m.name) {
                found.push(m.clone());
            }
        }
    };
    calls_in(sql, &mut found);
    while next < found.len() {
        let text = found[next].text.clone();
        calls_in(&text, &mut found);
        next += 1;
    }
    found
}

/// Whether `sql` has `name(` with no word character before it.
fn calls(sql: &str, name: &str) -> bool {
    sql.match_indices(name).any(|(at, _)| {
        let before = sql[..at].chars().next_back();
        let after = sql[at + name.len()..].trim_start().starts_with('(');
        after && !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// The `CREATE [OR REPLACE] MACRO` statements of one file, each with the comment lines above it.
/// A statement ends at the first line that ends with `;` (as the schema's files are written).
fn definitions(file: &'static str, sql: &str) -> Vec<Macro> {
    let lines: Vec<&str> = sql.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.strip_prefix("CREATE MACRO ").or_else(|| line.strip_prefix("CREATE OR REPLACE MACRO ")) else { continue };
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let first = (0..i).rev().take_while(|&j| lines[j].starts_with("--")).last().unwrap_or(i);
        let last = (i..lines.len()).find(|&j| lines[j].trim_end().ends_with(';')).unwrap_or(lines.len() - 1);
        out.push(Macro { name, file, text: lines[first..=last].join("\n") + "\n" });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_definition_of_each_macro_is_kept_with_its_comments() {
        let all = macros();
        let ranks = all.iter().find(|m| m.name == "province_ranks").unwrap();
        // schema.sql has no province_ranks; 004 defines it and 008 redefines it: 008's is kept.
        assert_eq!(ranks.file, "migrations/008_own_changes.sql");
        assert!(ranks.text.starts_with("-- Each province's value for a period with its rank (migration 004's rule)"), "{}", ranks.text);
        assert!(ranks.text.trim_end().ends_with("v.origin = 'published';"), "{}", ranks.text);
        // period_denominator is in schema.sql and redefined by 004 and 008: one entry, 008's.
        let denominators: Vec<_> = all.iter().filter(|m| m.name == "period_denominator").collect();
        assert_eq!(denominators.len(), 1);
        assert_eq!(denominators[0].file, "migrations/008_own_changes.sql");
    }

    #[test]
    fn a_call_is_a_name_then_a_parenthesis() {
        assert!(calls("FROM province_ranks($year)", "province_ranks"));
        assert!(calls("FROM province_ranks ($year)", "province_ranks"));
        assert!(!calls("FROM my_province_ranks($year)", "province_ranks"));
        assert!(!calls("SELECT province_ranks FROM t", "province_ranks"));
        // The macros a query calls come first, then the ones they call, each once.
        let names: Vec<String> = called_by("FROM province_values($year, $month, $period, $basis)").into_iter().map(|m| m.name).collect();
        assert_eq!(names, ["province_values", "period_last_month", "period_values", "period_first_month", "period_month_count"]);
    }
}
