//! The benchmarks' floor: the least a program can do with the duckdb crate to do what an
//! ihracat command does, so that ihracat's own cost can be measured against it.
//!
//!   floor DB csv|ndjson "SELECT …" [NAME=VALUE …]   open DB read-only, bind the named
//!       parameters, stream the Arrow batches through arrow's CSV or JSON writer to stdout
//!   floor DB exec "CREATE TABLE … AS …"              open DB for writing and run the statement
//!
//! A value that reads as a whole number is bound as BIGINT, `null` as NULL, anything else as
//! text; DuckDB casts them to the parameter's type, as it does for ihracat's typed values.

use std::io::{BufWriter, Write};

use duckdb::types::Value;
use duckdb::{AccessMode, Config, Connection};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, db, mode, sql, params @ ..] = args.as_slice() else {
        eprintln!("usage: floor DB csv|ndjson|exec SQL [NAME=VALUE …]");
        std::process::exit(2);
    };
    if mode == "exec" {
        Connection::open(db)?.execute_batch(sql)?;
        return Ok(());
    }
    let conn = Connection::open_with_flags(db, Config::default().access_mode(AccessMode::ReadOnly)?)?;
    let mut stmt = conn.prepare(sql)?;
    let mut values = Vec::new();
    for i in 1..=stmt.parameter_count() {
        let name = stmt.parameter_name(i)?;
        let given = params.iter().find_map(|p| p.strip_prefix(&format!("{name}="))).ok_or(format!("no value for ${name}"))?;
        values.push(match given {
            "null" => Value::Null,
            _ => given.parse::<i64>().map(Value::BigInt).unwrap_or_else(|_| Value::Text(given.to_string())),
        });
    }
    let stream = stmt.stream_arrow(duckdb::params_from_iter(values))?;
    let out = BufWriter::with_capacity(1 << 16, std::io::stdout());
    match mode.as_str() {
        "csv" => {
            let mut writer = arrow::csv::WriterBuilder::new().with_header(true).build(out);
            for batch in stream {
                writer.write(&batch?)?;
            }
            writer.into_inner().flush()?;
        }
        _ => {
            let mut writer = arrow::json::LineDelimitedWriter::new(out);
            for batch in stream {
                writer.write(&batch?)?;
            }
            writer.finish()?;
            writer.into_inner().flush()?;
        }
    }
    Ok(())
}
