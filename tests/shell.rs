//! The interactive shell, driven through tmux as a person would type (issue 7).

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::Workdir;

struct Tmux {
    session: String,
}

impl Tmux {
    fn start(w: &Workdir, name: &str) -> Tmux {
        let session = format!("ihracat-test-{name}-{}", std::process::id());
        let command = format!(
            "env -u IHRACAT_DB XDG_STATE_HOME={} XDG_CONFIG_HOME={} NO_COLOR=1 LANG=C {} --db {} shell",
            w.path("xdg/state").display(),
            w.path("xdg/config").display(),
            env!("CARGO_BIN_EXE_ihracat"),
            w.db().display()
        );
        let status = Command::new("tmux")
            .args(["new-session", "-d", "-s", &session, "-x", "200", "-y", "50", &command])
            .status()
            .expect("tmux runs (.ci/run installs it)");
        assert!(status.success());
        let tmux = Tmux { session };
        tmux.wait_for("ihracat>");
        tmux
    }

    fn send(&self, keys: &[&str]) {
        // tmux reads a trailing `;` as a command separator unless it is escaped.
        let escaped: Vec<String> = keys.iter().map(|k| match k.strip_suffix(';') { Some(rest) => format!("{rest}\\;"), None => k.to_string() }).collect();
        let mut args = vec!["send-keys", "-t", self.session.as_str()];
        args.extend(escaped.iter().map(String::as_str));
        assert!(Command::new("tmux").args(&args).status().unwrap().success());
    }

    fn screen(&self) -> String {
        let output = Command::new("tmux").args(["capture-pane", "-p", "-t", &self.session]).output().unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Waits until the screen shows `text`; panics with the screen after a generous bound.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(60) {
                panic!("the shell never showed {text:?}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn is_running(&self) -> bool {
        Command::new("tmux").args(["has-session", "-t", &self.session]).stderr(std::process::Stdio::null()).status().unwrap().success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["kill-session", "-t", &self.session]).stderr(std::process::Stdio::null()).status();
    }
}

#[test]
fn a_shell_session_as_a_person_uses_it() {
    let present = Command::new("tmux").arg("-V").output().map(|o| o.status.success()).unwrap_or(false);
    if !common::tool_available("tmux", present, "IHRACAT_REQUIRE_TMUX") {
        return;
    }
    let w = Workdir::new();
    w.run(&["provinces"]);
    let shell = Tmux::start(&w, "session");

    // A statement over two lines runs when the semicolon comes.
    shell.send(&["SELECT 40 +", "Enter"]);
    // Each further line of a statement has its own prompt.
    shell.wait_for("\n    ...>");
    shell.send(&["2 AS answer;", "Enter"]);
    shell.wait_for("│     42 │");

    // A dot-command.
    shell.send(&[".tables", "Enter"]);
    shell.wait_for("published_figures");

    // Ctrl-C cancels a long query and the shell goes on.
    shell.send(&["SELECT count(*) FROM range(100000000) a, range(100000) b;", "Enter"]);
    std::thread::sleep(Duration::from_millis(500));
    shell.send(&["C-c"]);
    shell.wait_for("query cancelled");
    // The result, not the echo of the input: the words are joined by the query.
    shell.send(&["SELECT 'hâlâ' || ' burada' AS status;", "Enter"]);
    shell.wait_for("hâlâ burada");

    // A named query from the catalog.
    shell.send(&[".run top_provinces year=2025 month=10 n=2", "Enter"]);
    shell.wait_for("Kocaeli");

    // An error is shown and the session continues.
    shell.send(&["SELECT * FROM nowhere;", "Enter"]);
    shell.wait_for("does not exist");
    assert!(shell.is_running());
    // `.schema` of a name that is no table says so; a read-only shell runs only queries.
    shell.send(&[".schema nosuch", "Enter"]);
    shell.wait_for("no table or view named `nosuch`");
    shell.send(&["CREATE TEMP TABLE exports AS SELECT 1 AS x;", "Enter"]);
    shell.wait_for("this command only reads");
    // Nothing is written over the database from the shell either.
    let db = w.db().display().to_string();
    shell.send(&[&format!(".output {db} --overwrite"), "Enter"]);
    shell.wait_for("ihracat never writes a result over one");
    assert!(shell.is_running());

    shell.send(&[".quit", "Enter"]);
    let start = Instant::now();
    while shell.is_running() && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(!shell.is_running(), "the shell did not leave on .quit");

    // History survives into the next session: Up brings back the last line.
    let again = Tmux::start(&w, "history");
    // (.quit, .output, CREATE, .schema and the failing SELECT came after it.)
    again.send(&["Up", "Up", "Up", "Up", "Up", "Up"]);
    again.wait_for("ihracat> .run top_provinces year=2025 month=10 n=2");
    again.send(&["C-d"]);
}

/// Off a terminal the shell reads as typed (issue 31): dot-commands between statements, a
/// statement over lines, and the first error stops it with its exit code.
#[test]
fn a_piped_shell_runs_its_dot_commands() {
    let w = Workdir::new();
    w.run(&["provinces"]);
    let mut command = w.command(&["shell"]);
    command.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = command.spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b".mode json\nSELECT 40 +\n 2 AS answer;\n.mode csv\nSELECT name FROM provinces WHERE code = 34;\n.schema nosuch\nSELECT 'not reached';\n").unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(common::text(&output.stdout), "[{\"answer\":42}]\n\nname\nİstanbul\n");
    assert!(common::text(&output.stderr).contains("no table or view named `nosuch`"), "{}", common::text(&output.stderr));
}

/// A temporary table named like a managed one is announced, and does not stand in for it in a
/// named query (issue 31: `.run top_provinces` showed İstanbul at 4,859,000,000,000).
#[test]
fn a_shadowing_table_is_announced_and_run_reads_the_managed_one() {
    let w = Workdir::new();
    let plain = w.stdout(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=3"]);
    // The October 2025 release: İstanbul 4,859,000,000 dollars.
    assert!(plain.contains(",34,4859000000.00,"), "{plain}");
    let mut command = w.command(&["shell", "--write"]);
    command.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = command.spawn().unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"CREATE TEMP TABLE exports AS SELECT * REPLACE (value_usd * 1000 AS value_usd) FROM ihracat.main.exports;\n.run top_provinces year=2025 month=10 n=3\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = common::text(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(common::text(&output.stdout), plain);
    assert_eq!(stderr.matches("your temp.main.exports stands in for the managed `exports`").count(), 1, "{stderr}");
}
