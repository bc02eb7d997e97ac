//! The `ihracat` command: argument parsing and dispatch only; the work is in the library.

mod cmd;

use std::process::ExitCode;

// mimalloc in place of the C library's allocator, for Rust and for DuckDB's C++ alike (the
// `override` feature replaces `malloc` itself): planning a query allocates thousands of small
// objects, and under concurrent requests glibc's malloc took a quarter of the server's time
// (bench/NOTES.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let turkish = cmd::usage::language(&args) == ihracat::language::Language::Tr;
    let cli = match cmd::Cli::parse_in(cmd::usage::asked(&args) == Some(ihracat::language::Language::Tr)) {
        Ok(cli) => cli,
        Err(refused) => {
            if refused.use_stderr() && turkish {
                if let Some(text) = cmd::usage::turkish(&refused) {
                    eprint!("{text}");
                    return ExitCode::from(refused.exit_code() as u8);
                }
            }
            refused.exit()
        }
    };
    let language = cli.language();
    let messages = cmd::ui::Messages::new(cli.global.quiet, language);
    if std::env::var_os("IHRACAT_TIMINGS").is_some_and(|v| !v.is_empty()) {
        ihracat::trace::set_sink(|line| eprintln!("ihracat: timing: {line}"));
    }
    match cmd::run(cli, &messages) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            messages.error(&e.said(language));
            ExitCode::from(1)
        }
    }
}
