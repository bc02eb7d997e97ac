//! Messages for people, on stderr only, so that stdout carries data alone. Colour only on a
//! terminal and never when NO_COLOR is set.

use std::io::{IsTerminal, Write};

use ihracat::language::Language;

pub struct Messages {
    color: bool,
    quiet: bool,
    language: Language,
}

impl Messages {
    /// Messages labelled in `language` ("ihracat: hata: …" in Turkish, as git says "hata:"), the
    /// language the command's own words are said in (`Cli::language`).
    pub fn new(quiet: bool, language: Language) -> Messages {
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Messages { color, quiet, language }
    }

    fn emit(&self, label: Label, code: &str, text: &str) {
        let label = label.word(self.language);
        let mut err = std::io::stderr().lock();
        let _ = if self.color {
            writeln!(err, "ihracat: \x1b[{code}m{label}\x1b[0m: {text}")
        } else {
            writeln!(err, "ihracat: {label}: {text}")
        };
    }

    /// What happened that the user may want to know (suppressed by --quiet).
    pub fn note(&self, text: &str) {
        if !self.quiet {
            self.emit(Label::Note, "36", text);
        }
    }

    /// What a caller needs even under --quiet (the address `serve` listens on).
    pub fn essential(&self, text: &str) {
        self.emit(Label::Note, "36", text);
    }

    pub fn warn(&self, text: &str) {
        self.emit(Label::Warning, "33", text);
    }

    pub fn error(&self, text: &str) {
        self.emit(Label::Error, "1;31", text);
    }

    pub fn stderr_is_terminal(&self) -> bool {
        std::io::stderr().is_terminal()
    }
}

#[derive(Clone, Copy)]
enum Label {
    Note,
    Warning,
    Error,
}

impl Label {
    fn word(self, language: Language) -> &'static str {
        match (self, language) {
            (Label::Note, Language::En) => "note",
            (Label::Note, Language::Tr) => "not",
            (Label::Warning, Language::En) => "warning",
            (Label::Warning, Language::Tr) => "uyarı",
            (Label::Error, Language::En) => "error",
            (Label::Error, Language::Tr) => "hata",
        }
    }
}
