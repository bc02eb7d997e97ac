//! A real browser against `ihracat serve` (issue 19): headless Chromium, driven through
//! ChromeDriver's WebDriver protocol, opens the home page, follows the link to an analysis,
//! fills in and submits its form, and finds the result table and the map. Screenshots are kept
//! in the test run's temporary folder (printed) for a person to look at.
//!
//! Needs Debian's `chromium` and `chromium-driver`; `.ci/run` installs them and sets
//! IHRACAT_REQUIRE_BROWSER=1, so that there the test cannot pass by being skipped.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Workdir;
use serde_json::{Value, json};

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// One HTTP request with a JSON body to ChromeDriver; its JSON `value`.
fn webdriver(port: u16, method: &str, path: &str, body: Option<Value>) -> Value {
    let value = exchange(port, method, path, body).unwrap_or_else(|e| panic!("{method} {path}: {e}"));
    if let Some(error) = value["value"].get("error") {
        panic!("{method} {path}: {error}: {}", value["value"]["message"]);
    }
    value["value"].clone()
}

/// The whole JSON reply, or the connection's error: a ChromeDriver that is still starting may
/// accept a connection and then reset it, which `Browser::start` waits out.
fn exchange(port: u16, method: &str, path: &str, body: Option<Value>) -> std::io::Result<Value> {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    write!(stream, "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}", body.len())?;
    let cut_short = || std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "the connection closed before the whole reply");
    // ChromeDriver may keep the connection open: read the head, then exactly the body it announces.
    let mut raw = Vec::new();
    let mut buffer = [0u8; 8192];
    let split = loop {
        let n = stream.read(&mut buffer)?;
        if n == 0 {
            return Err(cut_short());
        }
        raw.extend_from_slice(&buffer[..n]);
        if let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break split;
        }
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let length: Option<usize> = head.lines().find_map(|l| l.strip_prefix("content-length:")).and_then(|v| v.trim().parse().ok());
    let mut payload = raw[split + 4..].to_vec();
    match length {
        Some(length) => {
            while payload.len() < length {
                let n = stream.read(&mut buffer)?;
                if n == 0 {
                    return Err(cut_short());
                }
                payload.extend_from_slice(&buffer[..n]);
            }
        }
        None => {
            stream.read_to_end(&mut payload)?;
            if head.contains("transfer-encoding: chunked") {
                payload = dechunk(&payload);
            }
        }
    }
    Ok(serde_json::from_slice(&payload).unwrap_or_else(|_| panic!("{method} {path}: {}", String::from_utf8_lossy(&payload))))
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = body.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(std::str::from_utf8(&body[..end]).unwrap().trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 2 + size + 2..];
    }
    out
}

fn element(port: u16, session: &str, css: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let found = webdriver(port, "POST", &format!("/session/{session}/elements"), Some(json!({"using": "css selector", "value": css})));
        if let Some(first) = found.as_array().and_then(|a| a.first()) {
            return first.as_object().unwrap().values().next().unwrap().as_str().unwrap().to_string();
        }
        assert!(Instant::now() < deadline, "no element `{css}` appeared");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn count(port: u16, session: &str, css: &str) -> usize {
    webdriver(port, "POST", &format!("/session/{session}/elements"), Some(json!({"using": "css selector", "value": css}))).as_array().map_or(0, Vec::len)
}

fn screenshot(port: u16, session: &str, name: &str) -> std::path::PathBuf {
    let data = webdriver(port, "GET", &format!("/session/{session}/screenshot"), None);
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("browser-{name}.png"));
    std::fs::write(&path, base64_decode(data.as_str().unwrap())).unwrap();
    eprintln!("screenshot: {}", path.display());
    path
}

/// Standard base64, as WebDriver sends screenshots.
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=').collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, c)| n | (u32::from(value(*c)) << (18 - 6 * i)));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

/// ChromeDriver and a headless Chromium session, or `None` where they are not installed (and
/// IHRACAT_REQUIRE_BROWSER is not set).
struct Browser {
    port: u16,
    session: String,
    _driver: Killed,
    // One browser at a time: three Chromiums starting at once on a cold two-core machine is
    // the load under which ChromeDriver once reset a session request.
    _turn: std::sync::MutexGuard<'static, ()>,
}

static ONE_BROWSER_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Browser {
    fn start(w: &Workdir) -> Option<Browser> {
        let (chromium, driver) = (std::path::Path::new("/usr/bin/chromium"), std::path::Path::new("/usr/bin/chromedriver"));
        if !chromium.exists() || !driver.exists() {
            assert!(std::env::var_os("IHRACAT_REQUIRE_BROWSER").is_none(), "IHRACAT_REQUIRE_BROWSER is set but chromium or chromedriver is missing");
            eprintln!("skipped: needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
            return None;
        }
        let turn = ONE_BROWSER_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let port = free_port();
        let driver = Killed(Command::new(driver).arg(format!("--port={port}")).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap());
        // Listening is not ready: wait until ChromeDriver's status says so (a CI run once had
        // the first session request reset while it was still starting).
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            match exchange(port, "GET", "/status", None) {
                Ok(status) if status["value"]["ready"] == json!(true) => break,
                Ok(status) => assert!(Instant::now() < deadline, "ChromeDriver is not ready: {status}"),
                Err(e) => assert!(Instant::now() < deadline, "ChromeDriver did not start: {e}"),
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = w.path("chromium-profile");
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--lang=tr-TR", "--window-size=1200,2200",
                         format!("--user-data-dir={}", profile.display())]
            }
        }}});
        // A reset connection made no session: ask again, twice at most.
        let mut attempts = 0;
        let session = loop {
            attempts += 1;
            match exchange(port, "POST", "/session", Some(capabilities.clone())) {
                Ok(reply) if reply["value"].get("error").is_none() => break reply["value"].clone(),
                Ok(reply) => panic!("POST /session: {}", reply["value"]),
                Err(e) if attempts < 3 => eprintln!("POST /session: {e}; asking again"),
                Err(e) => panic!("POST /session, three times: {e}"),
            }
        };
        let session = session["sessionId"].as_str().unwrap().to_string();
        Some(Browser { port, session, _driver: driver, _turn: turn })
    }

    fn go(&self, url: &str) {
        webdriver(self.port, "POST", &format!("/session/{}/url", self.session), Some(json!({"url": url})));
    }

    /// The words a reader sees, as the browser lays the page out: the text and the charts' text,
    /// without code (the SQL, the file names, what a user types), without addresses, and without
    /// what the page marks as written in another language (a name given in English, a note
    /// quoted from the data).
    fn visible_words(&self, other_language: &str) -> Vec<String> {
        let script = "const other = arguments[0];
            document.querySelectorAll('pre, code, script, style, [lang=\"' + other + '\"]').forEach(e => e.remove());
            const charts = Array.from(document.querySelectorAll('svg text')).map(t => t.textContent).join(' ');
            const text = document.title + ' ' + document.body.innerText + ' ' + charts;
            return text.replace(/(https?:\\/\\/|www\\.)\\S+|[\\w-]+(\\.[\\w-]+)+\\/\\S*/g, ' ');";
        let text = webdriver(self.port, "POST", &format!("/session/{}/execute/sync", self.session), Some(json!({"script": script, "args": [other_language]})));
        let text = text.as_str().unwrap().replace('İ', "i").replace('I', "ı");
        text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty() && !w.contains('_'))
            .map(str::to_lowercase)
            .collect()
    }
}

/// Words that show an English page through on a Turkish one, and the reverse (the report's test
/// has its own lists). Words both languages spell alike ("not", "panel") are left out.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "of", "with", "for", "provinces", "province", "month", "value", "values", "release", "releases", "rows", "download", "run",
    "share", "shares", "change", "published", "computed", "derived", "loaded", "none", "rank", "ranks", "period", "year", "total", "exports",
    "previous", "source", "sources", "missing", "complete", "below", "least", "true", "false", "yes", "no", "map", "chart", "result",
    "required", "from", "only", "when", "else", "data",
];
const TURKISH_WORDS: &[&str] = &[
    "ve", "için", "ile", "ilin", "il", "iller", "değer", "dönem", "yıl", "ay", "sonuç", "indir", "çalıştır", "pay", "sıra", "kaynak",
    "bülten", "yayımlanan", "hesaplanan", "eksik", "evet", "hayır", "harita", "grafik", "zorunlu", "verisi", "yok", "bir",
];

/// Every page of every shipped example, the error pages and a form with errors, in both
/// languages: no English word on a Turkish page and no Turkish on an English one. Each page is
/// kept as a screenshot (`browser-tr-….png`, `browser-en-….png`) for a person to look at.
#[test]
fn every_page_is_in_its_language_throughout() {
    let w = Workdir::new();
    let Some(browser) = Browser::start(&w) else { return };
    let server = common::serve_with(&w, &[], &[]);
    let mut paths: Vec<String> = [
        "/", "/report/latest", "/report/2019/4", "/report/2025/13", "/sql", "/sql?q=SELECT+1", "/province/Bursa", "/nosuch", "/q/top_provnces",
        "/q/top_provinces?year=2025&month=13", "/q/top_provinces?year=2025&month=10&period=yd", "/q/province_profile?province=Istanbl&year=2025",
    ]
    .map(String::from)
    .to_vec();
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sql");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&shipped).unwrap().flat_map(|d| std::fs::read_dir(d.unwrap().path()).unwrap()).map(|f| f.unwrap().path()).collect();
    files.sort();
    for file in files {
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        for example in std::fs::read_to_string(&file).unwrap().lines().filter_map(|l| l.strip_prefix("--- example")) {
            let query: Vec<String> = example.split_whitespace().map(|p| p.replace('İ', "%C4%B0")).collect();
            paths.push(format!("/q/{name}?{}", query.join("&")));
        }
    }
    assert!(paths.len() > 40, "every shipped example: {}", paths.len());
    let mut found = Vec::new();
    for path in &paths {
        for (language, other, forbidden) in [("tr", "en", ENGLISH_WORDS), ("en", "tr", TURKISH_WORDS)] {
            let separator = if path.contains('?') { '&' } else { '?' };
            browser.go(&format!("http://127.0.0.1:{}{path}{separator}lang={language}", server.port));
            let shot: String = path.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
            screenshot(browser.port, &browser.session, &format!("{language}{shot}"));
            let words = browser.visible_words(other);
            assert!(words.len() > 5, "{path} ({language}) shows words: {words:?}");
            let wrong: std::collections::BTreeSet<&String> = words.iter().filter(|w| forbidden.contains(&w.as_str())).collect();
            if !wrong.is_empty() {
                found.push(format!("{path} in {language}: {wrong:?}"));
            }
        }
    }
    assert!(found.is_empty(), "words of the other language:\n{}", found.join("\n"));
    webdriver(browser.port, "DELETE", &format!("/session/{}", browser.session), None);
}

/// The language switch keeps the page's parameters.
#[test]
fn the_language_switch_keeps_the_parameters() {
    let w = Workdir::new();
    let Some(browser) = Browser::start(&w) else { return };
    let server = common::serve_with(&w, &[], &[]);
    browser.go(&format!("http://127.0.0.1:{}/q/top_provinces?year=2025&month=10&n=3&lang=tr", server.port));
    let switch = element(browser.port, &browser.session, "a.lang");
    webdriver(browser.port, "POST", &format!("/session/{}/element/{switch}/click", browser.session), Some(json!({})));
    element(browser.port, &browser.session, "section.result table");
    let url = webdriver(browser.port, "GET", &format!("/session/{}/url", browser.session), None);
    let url = url.as_str().unwrap();
    assert!(url.contains("year=2025") && url.contains("month=10") && url.contains("n=3") && url.contains("lang=en"), "{url}");
    assert_eq!(count(browser.port, &browser.session, "section.result tbody tr"), 3);
    let heading = element(browser.port, &browser.session, "section.result th");
    assert_eq!(webdriver(browser.port, "GET", &format!("/session/{}/element/{heading}/text", browser.session), None), "Rank");
    webdriver(browser.port, "DELETE", &format!("/session/{}", browser.session), None);
}

#[test]
fn a_browser_fills_in_a_form_and_sees_the_table_and_the_map() {
    let w = Workdir::new();
    let Some(browser) = Browser::start(&w) else { return };
    let server = common::serve_with(&w, &[], &[]);
    let site = server.port;
    let (port, session) = (browser.port, browser.session.clone());

    webdriver(port, "POST", &format!("/session/{session}/url"), Some(json!({"url": format!("http://127.0.0.1:{site}/?lang=tr")})));
    let title = webdriver(port, "GET", &format!("/session/{session}/title"), None);
    assert!(title.as_str().unwrap().contains("ihracat"), "{title}");
    screenshot(port, &session, "home");
    let link = element(port, &session, "a[href^='/q/top_provinces']");
    webdriver(port, "POST", &format!("/session/{session}/element/{link}/click"), Some(json!({})));

    // The form: fill in the year and the month, ask for ten provinces, submit.
    let year = element(port, &session, "input#year");
    webdriver(port, "POST", &format!("/session/{session}/element/{year}/clear"), Some(json!({})));
    webdriver(port, "POST", &format!("/session/{session}/element/{year}/value"), Some(json!({"text": "2025"})));
    let month = element(port, &session, "input#month");
    webdriver(port, "POST", &format!("/session/{session}/element/{month}/value"), Some(json!({"text": "10"})));
    let submit = element(port, &session, "form.query button[type=submit]");
    webdriver(port, "POST", &format!("/session/{session}/element/{submit}/click"), Some(json!({})));

    element(port, &session, "section.result table");
    let url = webdriver(port, "GET", &format!("/session/{session}/url"), None);
    assert!(url.as_str().unwrap().contains("year=2025") && url.as_str().unwrap().contains("month=10"), "the state is in the URL: {url}");
    assert_eq!(count(port, &session, "section.result tbody tr"), 5, "the release's five provinces");
    assert_eq!(count(port, &session, "path.province"), 81, "the map");
    let first = element(port, &session, "section.result tbody tr td:nth-child(2)");
    let text = webdriver(port, "GET", &format!("/session/{session}/element/{first}/text"), None);
    assert_eq!(text, "İstanbul");
    let shot = screenshot(port, &session, "top_provinces");
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000, "a real picture");
    webdriver(port, "DELETE", &format!("/session/{session}"), None);
}
