use std::process::ExitCode;

use clap::{Args, CommandFactory};
use clap_complete::Shell;
use ihracat::Result;

/// Print a shell completion script.
///
/// Examples:
///   ihracat completions bash > ~/.local/share/bash-completion/completions/ihracat
///   ihracat completions zsh > ~/.zfunc/_ihracat
///   ihracat completions fish > ~/.config/fish/completions/ihracat.fish
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct CompletionsArgs {
    shell: Shell,
}

pub fn run(args: CompletionsArgs) -> Result<ExitCode> {
    let mut command = super::Cli::command();
    clap_complete::generate(args.shell, &mut command, "ihracat", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}
