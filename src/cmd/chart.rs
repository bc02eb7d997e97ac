use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use ihracat::charts::Request;
use ihracat::db::Access;
use ihracat::{Error, Result, catalog};

use super::Context;
use super::choices::{Breaks, ChartKind, ImageFormat, Language};

/// Draw a named query's result: bars, lines over time, or the map of the 81 provinces.
///
/// Bars suit a ranking, lines a time series, the map a value for every province.
///
/// The chart shows what `ihracat run` prints for the same parameters. Each shipped query names
/// its natural chart (`--- chart` in its header; `ihracat queries show NAME`); --kind draws
/// another. SVG or PNG by -o's extension, or --format to stdout. Provinces without a value are
/// grey ("veri yok"); a province with a value but no change says "değişim verilmiyor" (hatched on
/// a map), and a chart of an incomplete panel says so under its title.
///
/// Examples:
///   ihracat chart top_provinces -p year=2025 -p month=10 -o top.svg
///   ihracat chart top_provinces -p year=2025 -p month=10 -p n=81 --kind map -o map.png
///   ihracat chart yoy_growth -p year=2025 -p month=10 --classes 6 --breaks jenks -o growth.svg
///   ihracat chart province_profile -p province=Kocaeli -p year=2025 --lang en -o kocaeli.png
///   ihracat chart top_increases -p year=2025 -p month=10 --format svg > increases.svg
///   ihracat chart top_provinces -p year=2025 -p month=10 --size column -o column.png
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct ChartArgs {
    /// The query's name (see `ihracat queries`)
    name: String,
    /// A parameter as name=value; repeatable
    #[arg(short = 'p', long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// The kind of chart [default: the query's own]
    #[arg(long, value_enum)]
    kind: Option<ChartKind>,
    /// The numeric column to draw [default: the query's own, else its first _usd column]
    #[arg(long, value_name = "COLUMN")]
    value: Option<String>,
    /// The column that names bars, or splits lines into series
    #[arg(long, value_name = "COLUMN")]
    label: Option<String>,
    /// How many classes a map shades (2 to 9)
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u8).range(2..=9))]
    classes: u8,
    /// How a map's class bounds are chosen
    #[arg(long, value_enum, default_value = "quantile")]
    breaks: Breaks,
    /// The language of titles, numbers, months and the source line
    // `--locale` too, as the commands that write tables and workbooks spell it.
    #[arg(long, alias = "locale", value_enum, default_value = "tr")]
    pub(super) lang: Language,
    /// A named size: column (a newspaper column, PNG at 3×), web, print (PNG at 2×) or slide;
    /// --width and --scale override its parts
    #[arg(long, value_name = "SIZE", value_parser = clap::builder::PossibleValuesParser::new(ihracat::charts::SIZES.iter().map(|(name, ..)| *name)))]
    size: Option<String>,
    /// Width in pixels [default: 760, maps 1000]
    #[arg(long, value_name = "PX", value_parser = clap::value_parser!(u16).range(200..=4000))]
    width: Option<u16>,
    /// PNG pixels per SVG pixel (2 for print and sharp screens) [default: 1, or the size's]
    #[arg(long, value_name = "FACTOR")]
    scale: Option<f32>,
    /// svg or png [default: from -o's extension, else svg]
    #[arg(long, value_enum)]
    format: Option<ImageFormat>,
    /// Write to FILE instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the -o file if it exists
    #[arg(long)]
    overwrite: bool,
}

pub fn run(args: ChartArgs, context: &Context) -> Result<ExitCode> {
    let format = image_format(&args)?;
    let catalog = context.catalog()?;
    let query = catalog.get(&args.name)?;
    let assignments = args.params.iter().map(|p| catalog::parse_assignment(p)).collect::<Result<Vec<_>>>()?;
    let db = context.open(Access::Analysis)?;
    let preset = args.size.as_deref().and_then(ihracat::charts::size);
    let scale = args.scale.or(preset.map(|(_, scale)| scale)).unwrap_or(1.0);
    let request = Request {
        kind: args.kind.map(Into::into),
        value: args.value.clone(),
        label: args.label.clone(),
        classes: usize::from(args.classes),
        breaks: args.breaks.into(),
        language: args.lang.into(),
        width: args.width.map(f64::from).or(preset.and_then(|(width, _)| width)),
    };
    let (chart, notices) = ihracat::charts::draw_named(&db.conn, &catalog, query, &assignments, &request)?;
    for notice in &notices {
        context.messages.note(&notice.text(context.language));
    }
    let bytes = match format {
        ImageFormat::Svg => chart.svg.into_bytes(),
        ImageFormat::Png => chart.png(scale)?,
    };
    ihracat::output::write_document(args.output.as_deref(), &bytes, args.overwrite, format == ImageFormat::Png)?;
    if let Some(path) = &args.output {
        let drew = format!("drew a {} chart of `{}` to {}", chart.kind.name(), query.name, path.display());
        context.messages.note(&ihracat::messages::message(&drew, context.language));
    }
    Ok(ExitCode::SUCCESS)
}

/// --format, else -o's extension, else SVG; an extension that is neither is refused before
/// anything runs.
fn image_format(args: &ChartArgs) -> Result<ImageFormat> {
    let from_extension = args.output.as_ref().and_then(|p| p.extension()).map(|e| e.to_string_lossy().to_ascii_lowercase());
    match (args.format, from_extension.as_deref()) {
        (Some(format), _) => Ok(format),
        (None, Some("svg")) | (None, None) => Ok(ImageFormat::Svg),
        (None, Some("png")) => Ok(ImageFormat::Png),
        (None, Some(other)) => Err(Error::msg(format!("charts are written as .svg or .png, not .{other}: name the file so, or give --format svg|png"))),
    }
}
