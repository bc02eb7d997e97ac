use std::process::ExitCode;

use clap::{Args, Subcommand};
use ihracat::db::Access;
use ihracat::output::{self, ResultStream};
use ihracat::{Result, provinces};

use super::{Context, OutputArgs};

/// List Turkey's 81 provinces, or show what names resolve to.
///
/// Names resolve in any case and with or without Turkish letters (İSTANBUL, istanbul,
/// Istanbul), with spacing and punctuation (K.MARAŞ, K. Maraş), by short or old names (Afyon,
/// İçel, Urfa, Antep, Maraş) and by plate code.
///
/// Examples:
///   ihracat provinces
///   ihracat provinces resolve "AFYON" "K.MARAŞ" "istanbul" "Icel" 34
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct ProvincesArgs {
    #[command(subcommand)]
    action: Option<Action>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Subcommand)]
enum Action {
    /// Show the province each name or plate code resolves to
    Resolve {
        #[arg(required = true, value_name = "NAME")]
        names: Vec<String>,
        #[command(flatten)]
        output: OutputArgs,
    },
}

pub fn run(args: ProvincesArgs, context: &Context) -> Result<ExitCode> {
    let db = context.open(Access::Read)?;
    match args.action {
        None => {
            let mut stmt = db.conn.prepare(provinces::LIST_SQL).map_err(|e| ihracat::Error::Sql { context: "listing provinces".into(), source: e })?;
            output::write(ResultStream::from_statement(&mut stmt, Vec::new())?, &args.output.options())?;
        }
        Some(Action::Resolve { names, output }) => {
            let resolved = names.iter().map(|name| provinces::resolve(&db.conn, name)).collect::<Result<Vec<_>>>()?;
            let table = output::string_table(&[
                ("input", names.iter().map(|n| Some(n.clone())).collect()),
                ("code", resolved.iter().map(|p| Some(p.code.to_string())).collect()),
                ("name", resolved.iter().map(|p| Some(p.name.clone())).collect()),
                ("matched", resolved.iter().map(|p| Some(p.matched.clone())).collect()),
            ])?;
            output::write(table, &output.options())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
