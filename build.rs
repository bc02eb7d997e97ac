//! Embeds the shipped query catalog (sql/**/*.sql) so that an installed binary needs no checkout.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("sql/ is readable").map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "sql") {
            let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push((relative, path));
        }
    }
}

fn main() {
    // Paths stay relative to the package: CI builds a fresh clone in another folder with the same
    // build cache, and an absolute path would point this build at the other checkout's files.
    // Read at run time: a build script compiled for another checkout (the same cache) must not
    // carry that checkout's path in a compile-time env!.
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("sql");
    println!("cargo:rerun-if-changed=sql");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    let mut code = String::from("/// The shipped catalog: (path under sql/, text).\npub static SHIPPED: &[(&str, &str)] = &[\n");
    for (relative, _) in &files {
        println!("cargo:rerun-if-changed=sql/{relative}");
        code.push_str(&format!("    ({relative:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/sql/{relative}\"))),\n"));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("shipped_queries.rs");
    std::fs::write(out, code).unwrap();
}
