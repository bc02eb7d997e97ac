//! The benchmarks' floor: the least a program can do to answer a query from an ihracat database
//! with the duckdb crate (open it read-only, run the SQL, stream the Arrow batches through
//! arrow's CSV or JSON writer to stdout). ihracat's own cost is measured against this.
//!
//!   cargo run --release --example floor -- DB.duckdb csv|ndjson "SELECT …"

use std::io::{BufWriter, Write};

use duckdb::{AccessMode, Config, Connection};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, db, format, sql] = args.as_slice() else {
        eprintln!("usage: floor DB csv|ndjson SQL");
        std::process::exit(2);
    };
    let conn = Connection::open_with_flags(db, Config::default().access_mode(AccessMode::ReadOnly)?)?;
    let mut stmt = conn.prepare(sql)?;
    let stream = stmt.stream_arrow([])?;
    let out = BufWriter::with_capacity(1 << 16, std::io::stdout());
    match format.as_str() {
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
