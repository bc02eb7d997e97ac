//! The real published figures compiled into the binary (data/), and how they become rows.

use duckdb::Connection;
use sha2::{Digest, Sha256};

use crate::error::{Context, Result};

/// The version of the bundled data. Bump it when data/ or what the seed derives changes, so that
/// databases seeded by an older binary are refreshed (a change under the same label is caught
/// by the fingerprint, `data_sha256`, and the refresh note then names both fingerprints).
pub const DATA_VERSION: &str = "2026-12-07.1";

/// The bundled files, by the name of the staging table they fill.
const FILES: &[(&str, &str)] = &[
    ("_seed_provinces", include_str!("../../data/provinces.csv")),
    ("_seed_aliases", include_str!("../../data/province_aliases.csv")),
    ("_seed_published", include_str!("../../data/published_figures.csv")),
    ("_seed_notes", include_str!("../../data/published_notes.csv")),
    ("_seed_countries", include_str!("../../data/countries.csv")),
    ("_seed_country_aliases", include_str!("../../data/country_aliases.csv")),
    ("_seed_chapters", include_str!("../../data/hs_chapters.csv")),
    ("_seed_product_aliases", include_str!("../../data/product_aliases.csv")),
    ("_seed_detail", include_str!("../../data/published_detail.csv")),
];

const SEED_SQL: &str = include_str!("seed.sql");

/// A fingerprint of the bundled files: catches a data change whose version was not bumped.
pub fn data_sha256() -> String {
    let mut hash = Sha256::new();
    for (name, text) in FILES {
        hash.update(name.as_bytes());
        hash.update(text.as_bytes());
    }
    // What seeding derives is data too: a change to it must refresh older databases.
    hash.update(SEED_SQL.as_bytes());
    for (_, name_tr, name_en) in crate::turkish::months() {
        hash.update(name_tr.as_bytes());
        hash.update(name_en.as_bytes());
    }
    hash.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Fills or refreshes the bundled rows. The caller holds the transaction.
pub(super) fn seed(conn: &Connection) -> Result<()> {
    let dir = tempfile::tempdir().context(|| "creating a temporary directory for the bundled data".into())?;
    for (table, text) in FILES {
        let path = dir.path().join(format!("{table}.csv"));
        std::fs::write(&path, text).context(|| format!("writing {}", path.display()))?;
        conn.execute_batch(&format!(
            "CREATE OR REPLACE TEMP TABLE {table} AS FROM read_csv({}, header = true, all_varchar = true, quote = '\"')",
            super::sql_literal(&path.to_string_lossy())
        ))
        .context(|| format!("reading the bundled {table}"))?;
    }
    conn.execute_batch(SEED_SQL).context(|| "seeding the bundled data".into())?;
    conn.execute_batch("DELETE FROM months").context(|| "writing the month names".into())?;
    for (month, name_tr, name_en) in crate::turkish::months() {
        conn.execute(
            "INSERT INTO months VALUES (?, ?, ?, ?, ?)",
            duckdb::params![month, name_tr, crate::turkish::upper(name_tr), name_en, &name_en[..3]],
        )
        .context(|| "writing the month names".into())?;
    }
    conn.execute(
        "INSERT OR REPLACE INTO ihracat_meta VALUES ('data_version', ?), ('data_sha256', ?)",
        duckdb::params![DATA_VERSION, data_sha256()],
    )
    .context(|| "recording the data version".into())?;
    for (table, _) in FILES {
        conn.execute_batch(&format!("DROP TABLE {table}")).context(|| format!("dropping {table}"))?;
    }
    super::facts::refresh(conn, super::facts::Change::Everything)
}
