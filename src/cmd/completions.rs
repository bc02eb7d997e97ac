use std::io::Write;
use std::process::ExitCode;

use clap::{Args, CommandFactory};
use clap_complete::Shell;
use ihracat::Result;
use ihracat::error::Context as _;

/// Print a shell completion script.
///
/// Examples:
///   ihracat completions bash > ~/.local/share/bash-completion/completions/ihracat
///   ihracat completions zsh > ~/.zfunc/_ihracat
///   ihracat completions fish > ~/.config/fish/completions/ihracat.fish
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct CompletionsArgs {
    /// The shell to complete for
    shell: Shell,
}

pub fn run(args: CompletionsArgs) -> Result<ExitCode> {
    let mut command = super::Cli::command();
    // Into a buffer first: clap_complete panics on a write error, and `| head` closes the pipe.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "ihracat", &mut script);
    std::io::stdout().write_all(&script).context(|| "writing the completion script".into())?;
    Ok(ExitCode::SUCCESS)
}
