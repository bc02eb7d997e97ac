//! Synthetic detail tables for tests and benchmarks, never for data/: deterministic from a seed,
//! with the skew of real trade (a few provinces, markets and chapters dominate, a sparse long
//! tail, no zero rows), and labelled synthetic in their file names, a title line (CSV) and the
//! file's metadata (Parquet). DuckDB generates them, set-based.

use std::io::Write;
use std::path::{Path, PathBuf};

use duckdb::Connection;

use crate::db::sql_literal;
use crate::error::{Context, Result};

/// The provinces in roughly the order of their exports, so that the skew falls where it does.
const PROVINCE_ORDER: &[i32] = &[34, 41, 35, 16, 6, 27, 45, 54, 59, 20, 31, 33, 1, 42, 38, 19, 26, 77, 10, 80];
/// Leading partners first; the other ISO countries follow in code order.
const COUNTRY_ORDER: &[&str] = &["DE", "US", "GB", "IQ", "IT", "FR", "ES", "NL", "RU", "AE", "IL", "RO", "PL", "BE", "GR", "EG", "BG", "SA", "LY", "AZ"];
/// Leading chapters first; the others follow in code order.
const CHAPTER_ORDER: &[&str] = &["87", "84", "85", "61", "72", "27", "71", "39", "62", "73", "08", "76", "40", "94", "63", "55", "52", "89", "74", "20"];

/// The files written, named `synthetic-detail-<rows>-seed<seed>.<ext>`.
pub fn generate(conn: &Connection, rows: u64, seed: u64, dir: &Path, csv: bool, parquet: bool) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).context(|| format!("creating {}", dir.display()))?;
    let ranked = |list: &[&str]| list.iter().enumerate().map(|(i, c)| format!("('{c}', {})", i + 1)).collect::<Vec<_>>().join(", ");
    let provinces = PROVINCE_ORDER.iter().enumerate().map(|(i, c)| format!("({c}, {})", i + 1)).collect::<Vec<_>>().join(", ");
    // A cell of the key space is kept with a probability that falls with the ranks of its
    // province, country and chapter (about 5 % of cells overall), and its value falls with them
    // too; enough months are generated to hold `rows`, and the first `rows` in key order kept.
    let cells_per_month = 81.0 * 249.0 * 97.0;
    let months = (rows as f64 / (cells_per_month * 0.04)).ceil() as u64 + 1;
    conn.execute_batch(&format!(
        "CREATE OR REPLACE TEMP TABLE _gen_provinces AS
         SELECT p.name AS province, row_number() OVER (ORDER BY coalesce(o.rank, 100 + p.code)) AS r
         FROM provinces p LEFT JOIN (VALUES {provinces}) o(code, rank) ON o.code = p.code;
         CREATE OR REPLACE TEMP TABLE _gen_countries AS
         SELECT c.code AS country, row_number() OVER (ORDER BY coalesce(o.rank, 1000), c.code) AS r
         FROM countries c LEFT JOIN (VALUES {countries}) o(code, rank) ON o.code = c.code WHERE c.iso;
         CREATE OR REPLACE TEMP TABLE _gen_chapters AS
         SELECT p.code AS chapter, row_number() OVER (ORDER BY coalesce(o.rank, 1000), p.code) AS r
         FROM products p LEFT JOIN (VALUES {chapters}) o(code, rank) ON o.code = p.code WHERE p.level = 'chapter';
         CREATE OR REPLACE TEMP TABLE _gen AS
         SELECT province, year, month, country, chapter, value_usd
         FROM (
             SELECT p.province, (2000 + m.i // 12)::INTEGER AS year, (m.i % 12 + 1)::INTEGER AS month, c.country, k.chapter,
                    m.i AS mi, p.r AS pr, c.r AS cr, k.r AS kr,
                    round(1000 + 4e8 * pow(p.r, -1.0) * pow(c.r, -0.8) * pow(k.r, -0.7) * (0.2 + (hash(p.r, c.r, k.r, m.i, {seed}, 1) % 1000000) / 1e6), 0)::DECIMAL(18, 2) AS value_usd
             FROM _gen_provinces p, _gen_countries c, _gen_chapters k, range({months}) m(i)
             WHERE (hash(p.r, c.r, k.r, m.i, {seed}) % 1000000) / 1e6 < least(1.0, 10 * pow(p.r, -0.6) * pow(c.r, -0.5) * pow(k.r, -0.4))
         )
         ORDER BY mi, pr, cr, kr
         LIMIT {rows};",
        countries = ranked(COUNTRY_ORDER),
        chapters = ranked(CHAPTER_ORDER),
    ))
    .context(|| "generating synthetic detail".into())?;
    let stem = dir.join(format!("synthetic-detail-{rows}-seed{seed}"));
    let select = "SELECT province AS il, year AS yil, month AS ay, country AS ulke, chapter AS fasil, value_usd AS deger_usd FROM _gen";
    let mut files = Vec::new();
    if parquet {
        let path = stem.with_extension("parquet");
        conn.execute_batch(&format!(
            "COPY ({select}) TO {} (FORMAT parquet, COMPRESSION zstd, KV_METADATA {{synthetic: 'true', generator: 'ihracat generate', seed: '{seed}'}})",
            sql_literal(&path.to_string_lossy())
        ))
        .context(|| format!("writing {}", path.display()))?;
        files.push(path);
    }
    if csv {
        let path = stem.with_extension("csv");
        let body = stem.with_extension("csv.body");
        conn.execute_batch(&format!("COPY ({select}) TO {} (HEADER)", sql_literal(&body.to_string_lossy())))
            .context(|| format!("writing {}", path.display()))?;
        // The title line says what the file is; ihracat's loader reads it as a title row.
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).context(|| format!("writing {}", path.display()))?);
        writeln!(out, "SYNTHETIC test data from ihracat generate (seed {seed}): not real export figures")
            .context(|| format!("writing {}", path.display()))?;
        std::io::copy(&mut std::fs::File::open(&body).context(|| "reading the generated rows".into())?, &mut out)
            .context(|| format!("writing {}", path.display()))?;
        out.flush().context(|| format!("writing {}", path.display()))?;
        std::fs::remove_file(&body).context(|| "removing a temporary file".into())?;
        files.push(path);
    }
    conn.execute_batch("DROP TABLE _gen; DROP TABLE _gen_provinces; DROP TABLE _gen_countries; DROP TABLE _gen_chapters;")
        .context(|| "cleaning up".into())?;
    Ok(files)
}
