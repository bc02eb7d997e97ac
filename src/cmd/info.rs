use std::process::ExitCode;

use clap::Args;
use std::io::IsTerminal;

use ihracat::db::{self, Access};
use ihracat::db::ResultStream;
use ihracat::output::{self, Format};
use ihracat::language::{group_digits, Language};
use ihracat::{Error, Result, error::Context as _, execution};

use super::{Context, OutputArgs};

/// Show the database: its path, schema and data versions, loads, the detail it holds, and coverage.
///
/// Coverage counts, for each year and basis, the provinces with at least one figure, and how
/// many of them the Ministry's releases, the regional and local releases, and your loaded files
/// cover. With --format json, everything is one JSON object.
///
/// Examples:
///   ihracat info
///   ihracat info --format json
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct InfoArgs {
    #[command(flatten)]
    pub(super) output: OutputArgs,
}

pub fn run(args: InfoArgs, context: &Context) -> Result<ExitCode> {
    let catalog = context.catalog()?;
    let database = context.open(Access::Read)?;
    let info = db::info(&database)?;
    // Coverage is a shipped analysis, run as any other: provinces with a figure, by year, basis
    // and kind of release.
    let coverage = execution::collect(&database.conn, &catalog, "province_coverage", &ihracat::catalog::args([("basis", "all".into())]))?;
    let options = args.output.options();
    if options.resolved_format()? == Format::Json {
        let mut rows = Vec::new();
        {
            let mut writer = arrow::json::ArrayWriter::new(&mut rows);
            for batch in &coverage {
                writer.write(batch).context(|| "writing the coverage as JSON".into())?;
            }
            writer.finish().context(|| "writing the coverage as JSON".into())?;
        }
        let coverage: serde_json::Value = serde_json::from_slice(if rows.is_empty() { b"[]" } else { &rows }).map_err(|e| Error::msg(format!("reading the coverage back: {e}")))?;
        let value = serde_json::json!({
            "database": info.location,
            "workspace": info.workspace,
            "schema_version": info.versions.schema,
            "supported_schema_version": db::SCHEMA_VERSION,
            "data_version": info.versions.data,
            "data_sha256": info.versions.data_sha256,
            "bundled_data_version": db::DATA_VERSION,
            "storage_version": info.storage,
            "loads": info.loads,
            "detail": info.detail,
            "coverage": coverage,
        });
        println!("{}", serde_json::to_string_pretty(&value).map_err(|e| Error::msg(e.to_string()))?);
        return Ok(ExitCode::SUCCESS);
    }
    // The lines about the database are for people: on stderr when the table goes to a program,
    // in the language the command speaks (--locale, IHRACAT_LOCALE or a Turkish LANG).
    let tr = context.language == Language::Tr;
    let say = |en: &str, turkish: &str| if tr { turkish.to_string() } else { en.to_string() };
    let none = say("none", "yok");
    let storage = match info.storage.as_deref() {
        Some(storage) => {
            let release = storage.trim_start_matches('v').trim_end_matches('+').rsplit_once('.').map_or(storage, |(release, _)| release);
            say(&format!("{storage} (DuckDB {release} and later open the file)"), &format!("{storage} (DuckDB {release} ve sonrası dosyayı açar)"))
        }
        None => say("in memory", "bellekte"),
    };
    let (first, last) = (info.detail.first_month.as_deref().unwrap_or(&none), info.detail.last_month.as_deref().unwrap_or(&none));
    let d = &info.detail;
    let lines = [
        (say("database:", "veritabanı:"), info.location.clone()),
        (say("workspace:", "çalışma alanı:"), info.workspace.clone().unwrap_or_else(|| none.clone())),
        (say("schema version:", "şema sürümü:"), format!("{} ({} {})", info.versions.schema, say("this ihracat:", "bu ihracat:"), db::SCHEMA_VERSION)),
        (say("data version:", "veri sürümü:"), format!("{} ({}; {} {})", info.versions.data, info.versions.data_sha256, say("this ihracat:", "bu ihracat:"), db::DATA_VERSION)),
        (say("storage:", "depolama:"), storage),
        (say("loads:", "yüklemeler:"), format!("{} (ihracat loads)", info.loads)),
        (
            say("detail:", "ayrıntı:"),
            say(
                &format!(
                    "{} loaded rows, {} bundled (the releases' top lists); {} provinces, {first} to {last}; {} province-months complete (load --complete)",
                    d.loaded_rows, d.bundled_rows, d.provinces, d.complete_province_months
                ),
                &format!(
                    "{} yüklenmiş satır, paketteki {} satır (bültenlerin ilk sıralar listeleri); {} il, {first} – {last}; tam olan {} il-ayı (load --complete)",
                    group_digits(&d.loaded_rows.to_string(), context.language),
                    group_digits(&d.bundled_rows.to_string(), context.language),
                    d.provinces,
                    group_digits(&d.complete_province_months.to_string(), context.language)
                ),
            ),
        ),
    ];
    let width = lines.iter().map(|(label, _)| label.chars().count()).max().unwrap_or(0) + 1;
    let mut lines: Vec<String> = lines.into_iter().map(|(label, value)| format!("{label:<width$}{value}")).collect();
    lines.push(say(
        "provinces with at least one figure, by year, basis and kind of release (ihracat run coverage for months):",
        "en az bir rakamı olan iller; yıla, esasa ve bülten türüne göre (aylar için: ihracat run coverage):",
    ));
    let to_terminal = options.output.is_none() && std::io::stdout().is_terminal() && options.format.is_none();
    for line in lines {
        if to_terminal { println!("{line}") } else { eprintln!("{line}") }
    }
    let schema = coverage.first().map(|b| b.schema()).ok_or_else(|| Error::msg("province_coverage returned no columns"))?;
    output::write(ResultStream::from_batches(schema, coverage), &options)?;
    Ok(ExitCode::SUCCESS)
}
