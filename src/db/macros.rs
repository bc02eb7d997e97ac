//! The SQL macros and views the schema defines, as their files wrote them (comments included):
//! `queries show` prints the ones a named query is built on, so that a query that reads
//! `FROM province_ranking(…)` can still be read to the end without a checkout. A macro that reads
//! a kept fact (`facts_province_ranking`) is followed to the view that defines it
//! (`province_ranking_all`, src/db/facts.rs).

use super::{MIGRATIONS, SCHEMA_SQL};

/// One macro's or view's definition as the database has it: the last file that (re)defines it
/// wins.
#[derive(Debug, Clone, PartialEq)]
pub struct Macro {
    pub name: String,
    /// `macro` or `view`.
    pub kind: &'static str,
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
        for m in all.iter().filter(|m| uses(text, m)) {
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

/// Whether `sql` uses the definition: calls the macro (`name(` with no word character before it),
/// or reads the view or the table it is kept in (`name_all` or `facts_name` as a whole word).
fn uses(sql: &str, m: &Macro) -> bool {
    match m.kind {
        "view" => {
            let kept = m.name.strip_suffix("_all").map(|base| format!("facts_{base}"));
            word(sql, &m.name) || kept.is_some_and(|table| word(sql, &table))
        }
        _ => calls(sql, &m.name),
    }
}

/// Whether `sql` has `name(` with no word character before it.
fn calls(sql: &str, name: &str) -> bool {
    sql.match_indices(name).any(|(at, _)| {
        let before = sql[..at].chars().next_back();
        let after = sql[at + name.len()..].trim_start().starts_with('(');
        after && !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Whether `sql` has `name` as a whole word.
fn word(sql: &str, name: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    sql.match_indices(name).any(|(at, _)| {
        !sql[..at].chars().next_back().is_some_and(is_word) && !sql[at + name.len()..].chars().next().is_some_and(is_word)
    })
}

/// The `CREATE [OR REPLACE] MACRO` and `VIEW` statements of one file, each with the comment lines
/// above it. A statement ends at the first line that ends with `;` (as the schema's files are
/// written).
fn definitions(file: &'static str, sql: &str) -> Vec<Macro> {
    let lines: Vec<&str> = sql.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let stated = |kind: &'static str| {
            let upper = kind.to_uppercase();
            let rest = line.strip_prefix(&format!("CREATE {upper} ")).or_else(|| line.strip_prefix(&format!("CREATE OR REPLACE {upper} ")))?;
            Some((kind, rest))
        };
        let Some((kind, rest)) = stated("macro").or_else(|| stated("view")) else { continue };
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let first = (0..i).rev().take_while(|&j| lines[j].starts_with("--")).last().unwrap_or(i);
        let last = (i..lines.len()).find(|&j| lines[j].trim_end().ends_with(';')).unwrap_or(lines.len() - 1);
        out.push(Macro { name, kind, file, text: lines[first..=last].join("\n") + "\n" });
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
        // schema.sql has no province_ranks; 004 defines it, 008 and 010 redefine it: 010's is kept.
        assert_eq!(ranks.file, "migrations/010_facts.sql");
        assert_eq!(ranks.kind, "macro");
        assert!(ranks.text.starts_with("-- One period of province_ranks_all, as facts_province_ranks keeps it."), "{}", ranks.text);
        assert!(ranks.text.trim_end().ends_with("basis = _basis;"), "{}", ranks.text);
        // period_denominator is in schema.sql and redefined by 004, 008 and 010: one entry, 010's.
        let denominators: Vec<_> = all.iter().filter(|m| m.name == "period_denominator").collect();
        assert_eq!(denominators.len(), 1);
        assert_eq!(denominators[0].file, "migrations/010_facts.sql");
        // A view is a definition too, with its comments.
        // 010 defines province_ranks_all and 014 and 017 restate it: 017's is kept.
        let view = all.iter().find(|m| m.name == "province_ranks_all").unwrap();
        assert_eq!(view.file, "migrations/017_places_not_given.sql");
        assert_eq!(view.kind, "view");
        assert!(view.text.starts_with("-- Each province's value for each period with its rank"), "{}", view.text);
    }

    #[test]
    fn a_call_is_a_name_then_a_parenthesis() {
        assert!(calls("FROM province_ranks($year)", "province_ranks"));
        assert!(calls("FROM province_ranks ($year)", "province_ranks"));
        assert!(!calls("FROM my_province_ranks($year)", "province_ranks"));
        assert!(!calls("SELECT province_ranks FROM t", "province_ranks"));
        // The macros a query calls come first, then the ones they call, each once.
        // A macro that reads a kept fact is followed to the view that defines it.
        let names: Vec<String> = called_by("FROM province_values($year, $month, $period, $basis)").into_iter().map(|m| m.name).collect();
        assert_eq!(
            names,
            ["province_values", "period_last_month", "province_values_all", "period_values_all", "period_month_count", "period_spans", "period_first_month"]
        );
        assert!(word("FROM facts_province_values WHERE", "facts_province_values"));
        assert!(!word("FROM facts_province_values_x", "facts_province_values"));
    }
}
