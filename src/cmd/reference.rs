use std::process::ExitCode;

use clap::{Args, Subcommand};
use ihracat::db::Access;
use ihracat::db::ResultStream;
use ihracat::output;
use ihracat::reference::{self, Kind};
use ihracat::{Error, Result};

use super::{Context, OutputArgs};

pub const PROVINCES_HELP: &str = "\
List Turkey's 81 provinces with their İBBS (NUTS) regions, or show what names resolve to.

Names resolve in any case and with or without Turkish letters (İSTANBUL, istanbul, Istanbul),
with spacing and punctuation (K.MARAŞ, K. Maraş), by short or old names (Afyon, İçel, Urfa,
Antep, Maraş) and by plate code.

Examples:
  ihracat provinces
  ihracat provinces resolve \"AFYON\" \"K.MARAŞ\" \"istanbul\" \"Icel\" 34";

pub const COUNTRIES_HELP: &str = "\
List the partner countries (ISO 3166-1 with Turkish names, and the entries Turkish tables use
that are not countries: KKTC XC, Kosova XK, free zones XF, confidential XS, unknown XU), or show
what names resolve to.

Turkish and English names in any case, with or without Turkish letters, ISO alpha-2 and alpha-3
codes, and the short forms tables print (ABD, U.S., İngiltere, BAE, KKTC). A number is ambiguous
(the EU geonomenclature that Turkish tables use has 004 for Germany, ISO 3166 for Afghanistan):
write iso:276 for an ISO number.

Examples:
  ihracat countries
  ihracat countries resolve \"ALMANYA\" \"Germany\" \"DE\" \"B.A.E.\" \"ABD\" iso:276";

pub const PRODUCTS_HELP: &str = "\
List the HS chapters with their Turkish and English titles, or show what codes and names
resolve to.

Chapters resolve by code (71, 7, 07, \"Fasıl 71\", \"Chapter 87\"), finer HS codes (8703, 870321)
by their chapter, and by the short names releases print (\"kıymetli veya yarı kıymetli taşlar\",
\"motorlu kara taşıtları\", \"motor vehicles\").

Examples:
  ihracat products
  ihracat products resolve 71 \"Fasıl 87\" \"motorlu kara taşıtları\"";

#[derive(Args)]
pub struct ReferenceArgs {
    #[command(subcommand)]
    action: Option<Action>,
    #[command(flatten)]
    output: OutputArgs,
}

impl ReferenceArgs {
    /// The output options the command writes with: the list's, or `resolve`'s own (its
    /// `--locale` chooses the reader's language too).
    pub(super) fn output(&self) -> &OutputArgs {
        match &self.action {
            Some(Action::Resolve { output, .. }) => output,
            None => &self.output,
        }
    }
}

#[derive(Subcommand)]
enum Action {
    /// Show what each name or code resolves to
    Resolve {
        /// Names or codes, as tables and releases write them
        #[arg(required = true, value_name = "NAME")]
        names: Vec<String>,
        #[command(flatten)]
        output: OutputArgs,
    },
}

pub fn run(kind: Kind, args: ReferenceArgs, context: &Context) -> Result<ExitCode> {
    let db = context.open(Access::Read)?;
    match args.action {
        None => {
            let mut stmt = db.conn.prepare(kind.list_sql()).map_err(|e| Error::Sql { context: format!("listing {}s", kind.label()), source: e })?;
            output::write(ResultStream::from_statement(&mut stmt, Vec::new())?, &args.output.options())?;
        }
        Some(Action::Resolve { names, output }) => {
            // Every name gets its row: an unknown one is marked, with suggestions, and the
            // command exits 1 once all are shown.
            let resolved: Vec<_> = names.iter().map(|name| reference::resolve(&db.conn, kind, name)).collect();
            let field = |get: &dyn Fn(&reference::Resolved) -> String| resolved.iter().map(|r| r.as_ref().ok().map(get)).collect::<Vec<_>>();
            let options = output.options();
            // Why a name did not resolve, in the reader's words where people read the table;
            // a program reads the sentence as stored, in English.
            let words = if options.resolved_format()?.is_for_people() { context.language } else { ihracat::language::Language::En };
            let unresolved = |e: &Error| ihracat::messages::message(&format!("not resolved: {}", e.said(words)), words);
            let table = output::string_table(&[
                ("input", names.iter().map(|n| Some(n.clone())).collect()),
                ("code", field(&|r| r.code.clone())),
                ("name", field(&|r| r.name.clone())),
                ("matched", resolved.iter().map(|r| Some(r.as_ref().map_or_else(unresolved, |r| r.matched.clone()))).collect()),
            ])?;
            output::write(table, &options)?;
            for e in resolved.iter().filter_map(|r| r.as_ref().err()) {
                context.messages.error(&e.said(context.language));
            }
            let unknown = resolved.iter().filter(|r| r.is_err()).count();
            if unknown > 0 {
                context.messages.error(&ihracat::messages::message(&format!("{unknown} of {} names did not resolve", names.len()), context.language));
                return Ok(ExitCode::from(1));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
