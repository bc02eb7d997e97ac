//! Messages for people, on stderr only, so that stdout carries data alone. Colour only on a
//! terminal and never when NO_COLOR is set.

use std::io::{IsTerminal, Write};

pub struct Messages {
    color: bool,
    quiet: bool,
}

impl Messages {
    pub fn new(quiet: bool) -> Messages {
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Messages { color, quiet }
    }

    fn emit(&self, label: &str, code: &str, text: &str) {
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
            self.emit("note", "36", text);
        }
    }

    /// What a caller needs even under --quiet (the address `serve` listens on).
    pub fn essential(&self, text: &str) {
        self.emit("note", "36", text);
    }

    pub fn warn(&self, text: &str) {
        self.emit("warning", "33", text);
    }

    pub fn error(&self, text: &str) {
        self.emit("error", "1;31", text);
    }

    pub fn stderr_is_terminal(&self) -> bool {
        std::io::stderr().is_terminal()
    }
}
