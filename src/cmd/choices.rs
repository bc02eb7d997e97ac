//! The command line's names for the library's choices. The library knows nothing of clap: each
//! choice a flag takes is mirrored here as a clap value enum that turns into the library's type.

/// A clap value enum with the same variants as a library enum, and the conversion into it.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident => $library:ty { $($(#[$variant_meta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
        pub enum $name {
            $($(#[$variant_meta])* $variant),+
        }

        impl From<$name> for $library {
            fn from(choice: $name) -> $library {
                match choice {
                    $($name::$variant => <$library>::$variant),+
                }
            }
        }
    };
}

/// `--format`'s values and their help: the output layer's table of formats, so that a format
/// added there is a choice here.
pub fn format_parser() -> impl clap::builder::TypedValueParser<Value = ihracat::output::Format> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    use ihracat::output::{FORMATS, Format};
    PossibleValuesParser::new(FORMATS.iter().map(|f| PossibleValue::new(f.name).help(f.help))).try_map(|name| Format::from_name(&name).ok_or("unknown format"))
}

choice!(Locale => ihracat::language::Locale {
    /// 4,859,123.45
    En,
    /// 4.859.123,45
    Tr,
});

choice!(Compression => ihracat::output::Compression { Zstd, Snappy, Uncompressed });

choice!(InputFormat => ihracat::load::InputFormat { Csv, Tsv, Xlsx, Parquet, Json });

choice!(Encoding => ihracat::load::Encoding {
    Utf8,
    #[value(name = "windows-1254")]
    Windows1254,
});

choice!(LayoutChoice => ihracat::load::LayoutChoice { Long, Wide });

choice!(Unit => ihracat::load::Unit { Usd, ThousandUsd, MillionUsd });

choice!(Numbers => ihracat::load::NumberStyle {
    /// 1.234.567,89
    #[value(name = "tr")]
    Turkish,
    /// 1,234,567.89
    #[value(name = "en")]
    English,
});

choice!(Language => ihracat::report::Language { Tr, En });

choice!(ReportFormat => ihracat::report::ReportFormat {
    Text,
    Markdown,
    Json,
    /// One self-contained page with the charts (inline SVG)
    Html,
    /// The tables as an Excel workbook, a sheet each, with their sources
    Xlsx,
});

choice!(ChartKind => ihracat::charts::Kind {
    /// Horizontal bars, one a row (rankings)
    Bar,
    /// One line a series over the periods (time series)
    Line,
    /// The 81 provinces shaded by value
    Map,
});

choice!(Breaks => ihracat::charts::Breaks {
    /// About as many provinces in each class
    Quantile,
    /// Fisher-Jenks natural breaks
    Jenks,
});

/// The picture formats a chart is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImageFormat {
    Svg,
    Png,
}

/// How decimal values are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Decimals {
    /// Exact DECIMAL values (the default)
    Exact,
    /// 64-bit floats, for tools that want plain numbers
    Float,
}
