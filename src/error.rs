//! The errors ihracat reports to its users. Each variant that a caller or a test must tell apart
//! has its own case; everything else is a `Message` that already says what and where.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Who holds a database another process could not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    /// A process that writes (`load`, `unload`, `sql --write`): nothing else can open the file.
    Writer,
    /// Processes that only read (`run`, `report`, `sql`): they share it, but keep a writer out.
    Readers,
}

impl Holder {
    fn verb(self) -> &'static str {
        match self {
            Holder::Writer => "writes to it",
            Holder::Readers => "reads it",
        }
    }

    fn advice(self) -> &'static str {
        match self {
            Holder::Writer => "wait for the load or the ihracat sql --write session to end, or add --wait SECONDS",
            Holder::Readers => "a write needs the database to itself: wait for the readers to finish, or add --wait SECONDS",
        }
    }
}

/// What is wrong with a piece of text a person wrote (a header line, a parameter's value, a
/// table's header rows), in words for that person. The caller says where it is (the file and
/// line, the parameter's name) when it turns this into an `Error`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(pub String);

/// `Invalid(format!(…))`.
#[macro_export]
macro_rules! invalid {
    ($($words:tt)*) => {
        $crate::error::Invalid(format!($($words)*))
    };
}

impl From<String> for Invalid {
    fn from(text: String) -> Invalid {
        Invalid(text)
    }
}

impl From<&str> for Invalid {
    fn from(text: &str) -> Invalid {
        Invalid(text.to_string())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database is in use by another process that {}: {path}\n({})", .holder.verb(), .holder.advice())]
    DatabaseInUse { path: PathBuf, holder: Holder },

    #[error("database {path} has schema version {found}, newer than this ihracat understands ({supported}); upgrade ihracat or use another --db")]
    NewerSchema { path: PathBuf, found: i64, supported: i64 },

    /// A database asked for in a folder that does not exist: a mistyped path makes no folders
    /// (only the default location's folder is made, by the command layer).
    #[error("no folder {} for database {}; create the folder first, or use another --db", .folder.display(), .path.display())]
    NoFolder { path: PathBuf, folder: PathBuf },

    /// A load refused whole: each problem names its place (file, line or row, column, value).
    #[error("{}", crate::messages::refusal(.file, .problems, *.stopped_at, crate::language::Language::En))]
    Rejected { file: String, problems: Vec<String>, stopped_at: Option<usize> },

    /// A load of several files stopped at one of them: the files before it were loaded.
    #[error("{error}\n(the {loaded} files before it were loaded)")]
    LoadStopped { loaded: usize, error: Box<Error> },

    #[error("unknown query `{name}`{}", suggest(.suggestions))]
    UnknownQuery { name: String, suggestions: Vec<String> },

    #[error("unknown {kind} `{name}`{}", suggest(.suggestions))]
    Unknown { kind: &'static str, name: String, suggestions: Vec<String> },

    #[error("parameter `{name}`: {message}")]
    Parameter { name: String, message: String },

    #[error("{path}:{line}: {message}")]
    Header { path: String, line: usize, message: String },

    #[error("{0}")]
    Message(String),

    /// A chart whose rows have no value to draw: said in words, never drawn as an empty axis
    /// (`why` in English, `why_tr` in Turkish).
    #[error("`{query}` has no value in `{column}` for these parameters, so there is nothing to draw: {why}")]
    NothingToDraw { query: String, column: String, why: String, why_tr: String },

    /// A chart of a result without rows, with the reason the query's header gives in each
    /// language (`--- empty`, `--- empty_tr`).
    #[error("`{query}` returned no rows for these parameters, so there is nothing to draw{}", .why.as_deref().map(|w| format!(": {w}")).unwrap_or_default())]
    NoRowsToDraw { query: String, why: Option<String>, why_tr: Option<String> },

    /// A query interrupted after its time limit (`serve --time-limit`).
    #[error("the query ran longer than {seconds} s and was stopped")]
    TimedOut { seconds: f64 },

    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },

    #[error("{context}: {}", clean_duckdb_message(.source))]
    Sql { context: String, source: duckdb::Error },

    /// A query refused to answer: DuckDB's `Invalid Input Error`, which an analysis raises with
    /// `error(…)` where the data cannot answer (the bundled, partial detail) and DuckDB raises for
    /// a value a function cannot take. Told apart once, where DuckDB's error becomes ihracat's.
    /// Said without DuckDB's class name, in English as in Turkish: the sentence is the analysis's.
    #[error("{context}: {}", .message.trim_start_matches("Invalid Input Error: "))]
    Refused { context: String, message: String },

    /// A statement stopped by an interrupt (Ctrl-C in the shell, a time limit in the server).
    #[error("{context}: {message}")]
    Interrupted { context: String, message: String },

    /// A period and basis with no figure at all (the report of a month nobody published).
    #[error("no figures for {period} on the {basis} basis")]
    NoFigures { period: String, basis: String },

    #[error("{context}: {source}")]
    Arrow { context: String, source: arrow::error::ArrowError },
}

impl Error {
    /// The error as a reader of `language` reads it, on a page or the command line: in Turkish
    /// where ihracat has the words (an unknown name, a parameter, an analysis's refusal, a month
    /// without figures, a load's refusals, a file the system refused), the rest as written.
    pub fn said(&self, language: crate::language::Language) -> String {
        use crate::language::Language;
        if language == Language::En {
            return self.to_string();
        }
        let suggest_tr = |suggestions: &[String]| match suggestions {
            [] => String::new(),
            [one] => format!("; `{one}` mı demek istediniz?"),
            many => format!("; şunlardan birini mi demek istediniz: {}?", many.join(", ")),
        };
        match self {
            Error::UnknownQuery { name, suggestions } => format!("bilinmeyen analiz `{name}`{}", suggest_tr(suggestions)),
            Error::Unknown { kind, name, suggestions } => {
                let kind = match *kind {
                    "province" => "il",
                    "country" => "ülke",
                    "product" => "ürün",
                    other => other,
                };
                format!("bilinmeyen {kind} `{name}`{}", suggest_tr(suggestions))
            }
            Error::Parameter { name, message } => format!("`{name}` parametresi: {}", crate::messages::message(message, language)),
            Error::NoFigures { period, basis } => {
                let basis = crate::codes::cell_text("basis", basis, language).unwrap_or_else(|| basis.clone());
                format!("{period} için {basis} esasında rakam yok")
            }
            Error::Refused { message, .. } => crate::messages::message(message.trim_start_matches("Invalid Input Error: "), language),
            Error::Rejected { file, problems, stopped_at } => crate::messages::refusal(file, problems, *stopped_at, language),
            Error::LoadStopped { loaded, error } => format!("{}\n(ondan önceki {loaded} dosya yüklendi)", error.said(language)),
            Error::Message(text) => crate::messages::message(text, language),
            Error::Io { context, source } => crate::messages::io(context, source.kind(), language).unwrap_or_else(|| self.to_string()),
            // "statement 2 (line 5): Binder Error: …": DuckDB's commonest errors are known.
            Error::Sql { .. } => crate::messages::message(&self.to_string(), language),
            Error::NewerSchema { path, found, supported } => format!(
                "{} veritabanının şema sürümü {found}, bu ihracat'ın anladığından ({supported}) yeni; ihracat'ı güncelleyin ya da başka bir --db kullanın",
                path.display()
            ),
            Error::NoFolder { path, folder } => {
                format!("{} veritabanı için {} klasörü yok; önce klasörü oluşturun ya da başka bir --db kullanın", path.display(), folder.display())
            }
            Error::TimedOut { seconds } => format!("sorgu {seconds} sn'den uzun sürdü ve durduruldu"),
            Error::NothingToDraw { query, column, why_tr, .. } => {
                format!("`{query}` sonucunun `{column}` sütununda bu parametreler için değer yok, çizilecek bir şey yok: {why_tr}")
            }
            Error::NoRowsToDraw { query, why, why_tr } => match why_tr.as_ref().or(why.as_ref()) {
                Some(why) => format!("`{query}` bu parametreler için satır döndürmedi, çizilecek bir şey yok: {why}"),
                None => format!("`{query}` bu parametreler için satır döndürmedi, çizilecek bir şey yok"),
            },
            other => other.to_string(),
        }
    }

    pub fn msg(message: impl Into<String>) -> Error {
        Error::Message(message.into())
    }

    /// DuckDB's error as ihracat's: a refusal (`Invalid Input Error`) is `Refused`, the rest `Sql`.
    pub fn from_duckdb(context: String, source: duckdb::Error) -> Error {
        match &source {
            duckdb::Error::DuckDBFailure(_, Some(message)) if message.starts_with("Invalid Input Error") => Error::Refused { context, message: clean_duckdb_message(&source) },
            duckdb::Error::DuckDBFailure(_, Some(message)) if message.starts_with("INTERRUPT") => Error::Interrupted { context, message: clean_duckdb_message(&source) },
            _ => Error::Sql { context, source },
        }
    }

    /// True when the error came from a closed pipe (`ihracat ... | head`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Io { source, .. } => source.kind() == std::io::ErrorKind::BrokenPipe,
            Error::Arrow { source: arrow::error::ArrowError::IoError(_, e), .. } => {
                e.kind() == std::io::ErrorKind::BrokenPipe
            }
            // arrow's CSV and JSON writers turn io errors into text.
            Error::Arrow { source, .. } => source.to_string().contains("Broken pipe"),
            _ => false,
        }
    }
}

fn suggest(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!("; did you mean `{one}`?"),
        many => format!("; did you mean one of: {}?", many.join(", ")),
    }
}

/// DuckDB's messages carry the error class and a JSON-ish tail; keep the sentence a user needs.
pub fn clean_duckdb_message(e: &duckdb::Error) -> String {
    let text = match e {
        duckdb::Error::DuckDBFailure(_, Some(message)) => message.clone(),
        other => other.to_string(),
    };
    // DuckDB quotes the statement it failed in ("LINE 1: SELECT … read_json_auto(…)"): that is
    // ihracat's SQL, not the user's, and says nothing about their file.
    let text = match text.find("\n\nLINE ") {
        Some(at) if text[at..].contains("read_") => &text[..at],
        _ => text.as_str(),
    };
    text.trim().to_string()
}

/// Attaches a context to the errors of the libraries ihracat calls.
pub trait Context<T> {
    fn context(self, context: impl FnOnce() -> String) -> Result<T>;
}

impl<T> Context<T> for std::result::Result<T, duckdb::Error> {
    fn context(self, context: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|source| Error::from_duckdb(context(), source))
    }
}

impl<T> Context<T> for std::result::Result<T, std::io::Error> {
    fn context(self, context: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|source| Error::Io { context: context(), source })
    }
}

impl<T> Context<T> for std::result::Result<T, arrow::error::ArrowError> {
    fn context(self, context: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|source| Error::Arrow { context: context(), source })
    }
}

impl<T> Context<T> for std::result::Result<T, parquet::errors::ParquetError> {
    fn context(self, context: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|e| Error::Arrow { context: context(), source: arrow::error::ArrowError::ExternalError(Box::new(e)) })
    }
}
