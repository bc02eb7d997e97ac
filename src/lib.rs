//! ihracat: Turkey's province-level export statistics in an embedded DuckDB database, with
//! named SQL analyses, ad-hoc SQL, exports to Parquet, CSV and JSON, and the monthly report.
//!
//! The binary (src/main.rs, src/cmd/) only parses arguments and calls into these modules.

pub mod catalog;
pub mod charts;
pub mod checks;
pub mod db;
pub mod error;
pub mod execution;
pub mod language;
pub mod load;
pub mod mcp;
pub mod output;
pub mod parser;
pub mod paths;
pub mod reference;
pub mod report;
pub mod script;
pub mod server;
pub mod staging;
pub mod suggest;
pub mod synthetic;
pub mod headings;
pub mod codes;
pub mod messages;
pub mod turkish;
pub mod trace;

pub use error::{Error, Result};
