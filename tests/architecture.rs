//! The layers run one way (DECISIONS 29, docs/architecture.md): each module of `src/` may import
//! only its own layer and the layers below it, and no modules import each other in a loop. This
//! test reads the source as text (every `crate::` path, in `use` lines and inline), so a new
//! back-import fails here naming the file and the import. The map in docs/architecture.md names
//! every module, and no file grows past what one sitting reads.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lowest first. A module not listed here fails the test: a new room needs a place on the map.
const LAYERS: &[(&str, &[&str])] = &[
    ("language and reference data", &["error", "language", "turkish", "headings", "codes", "messages", "reference", "suggest", "paths", "trace"]),
    ("database", &["db", "parser", "staging", "load", "synthetic"]),
    ("catalog", &["catalog"]),
    ("execution", &["execution", "script"]),
    ("output and charts", &["output", "charts"]),
    ("front ends", &["report", "server", "checks", "mcp"]),
];

/// About what one sitting reads (the style guide's rule); a longer file is split into rooms.
const MAX_LINES: usize = 650;

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, modules)| modules.contains(&module))
}

/// The top-level module a library file belongs to (`src/output/excel.rs` is `output`); None for
/// the binary (`src/main.rs`, `src/cmd/`), which sits above every layer, and for `lib.rs`.
fn module_of(path: &Path) -> Option<String> {
    let relative = path.strip_prefix("src").ok()?;
    let first = relative.components().next()?.as_os_str().to_string_lossy().into_owned();
    let module = first.trim_end_matches(".rs").to_string();
    (!matches!(module.as_str(), "main" | "cmd" | "lib")).then_some(module)
}

/// The source without comments and string literals, so that prose and messages never count as
/// imports.
fn code_only(text: &str) -> String {
    let bytes: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1).copied()) {
            ('/', Some('/')) => {
                while i < bytes.len() && bytes[i] != '\n' {
                    i += 1;
                }
            }
            ('/', Some('*')) => {
                let mut depth = 0;
                while i < bytes.len() {
                    if bytes[i] == '/' && bytes.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if bytes[i] == '*' && bytes.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            ('"', _) => {
                i += 1;
                while i < bytes.len() && bytes[i] != '"' {
                    i += if bytes[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Every top-level module a file's code names through `crate::`, with the text that names it.
fn imports(text: &str) -> Vec<(String, String)> {
    let code = code_only(text);
    let mut found = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        let preceded_by_word = rest[..at].chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_');
        let after = &rest[at + "crate::".len()..];
        rest = after;
        if preceded_by_word {
            continue; // `ihracat_crate::`, say: not this crate
        }
        if let Some(group) = after.strip_prefix('{') {
            // use crate::{a, b::c, d::{e, f}}: the first name of each item at depth one.
            let mut depth = 0;
            let mut item = String::new();
            let mut names = Vec::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => names.push(std::mem::take(&mut item)),
                    _ if depth == 0 => item.push(c),
                    _ => {}
                }
            }
            names.push(item);
            for name in names {
                let name: String = name.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    found.push((name.clone(), format!("crate::{{{name}…}}")));
                }
            }
        } else {
            let name: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            // `crate::invalid!(…)` is a macro exported at the crate root (error.rs), not a module.
            let is_macro = after[name.len()..].starts_with('!');
            if !name.is_empty() && !is_macro {
                let shown: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
                found.push((name, format!("crate::{}", shown.trim_end_matches(':'))));
            }
        }
    }
    found
}

/// What is wrong with a tree of sources (path, text): back-imports, unknown modules, loops.
fn problems(files: &[(PathBuf, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in files {
        let Some(module) = module_of(path) else { continue };
        let Some(layer) = layer_of(&module) else {
            problems.push(format!("{}: module `{module}` has no layer in tests/architecture.rs (and docs/architecture.md)", path.display()));
            continue;
        };
        for (target, shown) in imports(text) {
            if target == module || matches!(target.as_str(), "Error" | "Result" | "self") {
                continue;
            }
            match layer_of(&target) {
                None => problems.push(format!("{}: imports `{shown}`, a module with no layer", path.display())),
                Some(to) if to > layer => problems.push(format!(
                    "{}: imports `{shown}`: `{module}` is in layer {} ({}) and `{target}` in layer {} ({}), above it",
                    path.display(),
                    layer + 1,
                    LAYERS[layer].0,
                    to + 1,
                    LAYERS[to].0
                )),
                Some(_) => {
                    edges.entry(module.clone()).or_default().insert(target);
                }
            }
        }
    }
    // Within a layer too, modules never import each other in a loop.
    for start in edges.keys() {
        let mut path = vec![start.clone()];
        if let Some(cycle) = find_cycle(&edges, start, &mut path) {
            problems.push(format!("modules import each other in a loop: {}", cycle.join(" → ")));
            break;
        }
    }
    problems
}

fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>, start: &str, path: &mut Vec<String>) -> Option<Vec<String>> {
    let current = path.last()?.clone();
    for next in edges.get(&current).into_iter().flatten() {
        if next == start {
            let mut cycle = path.clone();
            cycle.push(next.clone());
            return Some(cycle);
        }
        if !path.contains(next) {
            path.push(next.clone());
            if let Some(cycle) = find_cycle(edges, start, path) {
                return Some(cycle);
            }
            path.pop();
        }
    }
    None
}

fn sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).expect("src/ is readable").map(|e| e.expect("an entry").path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file is UTF-8");
                out.push((path, text));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    // Named from the crate's folder (`src/db/mod.rs`), as the messages show them.
    files.into_iter().map(|(path, text)| (path.strip_prefix(root).map(Path::to_path_buf).unwrap_or(path), text)).collect()
}

#[test]
fn layers_run_one_way() {
    let files = sources();
    assert!(files.len() > 50, "read {} files from src/", files.len());
    let problems = problems(&files);
    assert!(problems.is_empty(), "the layers do not run one way:\n{}", problems.join("\n"));
}

#[test]
fn a_back_import_is_caught_naming_the_file_and_the_import() {
    let planted = vec![
        (PathBuf::from("src/db/mod.rs"), "use crate::error::Result;\n// crate::server in a comment is prose\nuse crate::output::Format;\n".to_string()),
        (PathBuf::from("src/output/mod.rs"), "use crate::db::ResultStream;\n".to_string()),
    ];
    let problems = problems(&planted);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("src/db/mod.rs: imports `crate::output::Format`: `db` is in layer 2 (database) and `output` in layer 5"), "{}", problems[0]);
}

#[test]
fn a_loop_within_a_layer_is_caught() {
    let planted = vec![
        (PathBuf::from("src/output/mod.rs"), "use crate::charts::Chart;\n".to_string()),
        (PathBuf::from("src/charts/map.rs"), "fn f() { crate::output::write(); }\n".to_string()),
    ];
    let problems = problems(&planted);
    assert_eq!(problems, vec!["modules import each other in a loop: charts → output → charts".to_string()]);
}

#[test]
fn grouped_and_inline_imports_are_read() {
    let found: Vec<String> = imports("use crate::{catalog::{Arg, Query}, db, error::Result};\nlet x = crate::turkish::fold(\"crate::server\");")
        .into_iter()
        .map(|(module, _)| module)
        .collect();
    assert_eq!(found, ["catalog", "db", "error", "turkish"]);
}

#[test]
fn the_map_names_every_layer_and_module() {
    let map = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/architecture.md")).expect("docs/architecture.md exists");
    let files = sources();
    let mut missing = Vec::new();
    for (layer, modules) in LAYERS {
        if !map.contains(layer) {
            missing.push(format!("layer `{layer}`"));
        }
        for module in *modules {
            let on_disk = files.iter().any(|(p, _)| module_of(p).as_deref() == Some(*module));
            if on_disk && !map.contains(&format!("`{module}`")) {
                missing.push(format!("module `{module}`"));
            }
        }
    }
    assert!(missing.is_empty(), "docs/architecture.md does not name: {}", missing.join(", "));
}

#[test]
fn no_file_is_longer_than_one_sitting() {
    let long: Vec<String> = sources()
        .into_iter()
        .map(|(path, text)| (path, text.lines().count()))
        .filter(|(_, lines)| *lines > MAX_LINES)
        .map(|(path, lines)| format!("{} ({lines} lines)", path.display()))
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines: split them into rooms of one job: {}", long.join(", "));
}

/// A function over about 100 lines says why in its doc comment ("Long because …").
#[test]
fn a_long_function_says_why() {
    let mut unexplained = Vec::new();
    for (path, text) in sources() {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let indent = line.len() - trimmed.len();
            let is_fn = ["fn ", "pub fn ", "pub(super) fn ", "pub(crate) fn ", "async fn ", "pub async fn "].iter().any(|p| trimmed.starts_with(p));
            if !is_fn || trimmed.ends_with(';') {
                continue;
            }
            let closing = format!("{}}}", " ".repeat(indent));
            let Some(end) = lines[i + 1..].iter().position(|l| l.trim_end() == closing) else { continue };
            let length = end + 2;
            let mut doc = i;
            while doc > 0 && lines[doc - 1].trim_start().starts_with("///") {
                doc -= 1;
            }
            if length > 110 && !lines[doc..i].iter().any(|l| l.contains("Long because")) {
                unexplained.push(format!("{}:{} ({length} lines)", path.display(), i + 1));
            }
        }
    }
    assert!(unexplained.is_empty(), "functions over about 100 lines with no reason in their comment: {}", unexplained.join(", "));
}
