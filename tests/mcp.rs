//! The assistant interface (`ihracat mcp`, and `/mcp` of `ihracat serve`) against a client
//! nobody here wrote: the official Python MCP SDK (tests/mcp_client.py). Every shipped analysis
//! is called with each of its header's examples, over stdio and over streamable HTTP, and each
//! answer is compared with `ihracat run NAME … --format json`. The protocol's rough edges (bad
//! JSON-RPC, a load in another process, the time limit) are driven line by line over stdio.
//!
//! Without the Python SDK the client tests say what they need and skip; `.ci/run` installs it
//! and sets IHRACAT_REQUIRE_MCP, which makes its absence a failure (DECISIONS 31).

mod common;

use std::io::{BufRead, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{Workdir, serve_with};
use serde_json::{Value, json};

/// The Python that has the MCP SDK: IHRACAT_MCP_PYTHON (as `.ci/run` sets it), else python3.
fn python() -> Option<String> {
    let python = std::env::var("IHRACAT_MCP_PYTHON").unwrap_or_else(|_| "python3".into());
    let present = Command::new(&python).args(["-c", "import mcp"]).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success());
    common::tool_available("the Python MCP SDK (pip install mcp)", present, "IHRACAT_REQUIRE_MCP").then_some(python)
}

/// Runs the Python client with a plan; its JSON account of the session.
fn client(w: &Workdir, python: &str, target: &[&str], plan: &Value) -> Value {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mcp_client.py");
    let mut child = Command::new(python)
        .arg(script)
        .args(target)
        // The server the client starts inherits HOME (the SDK passes a safe few variables on), so
        // no query folder of the machine's user is read.
        .env("HOME", w.path("home"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python starts");
    child.stdin.take().unwrap().write_all(plan.to_string().as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "the client failed:\n{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)))
}

fn stdio_target(w: &Workdir, extra: &[&str]) -> Vec<String> {
    let mut target = vec!["stdio".to_string(), env!("CARGO_BIN_EXE_ihracat").to_string(), "--db".into(), w.db().display().to_string(), "mcp".into()];
    target.extend(extra.iter().map(|s| s.to_string()));
    target
}

fn call(tool: &str, arguments: Value) -> Value {
    json!({"op": "call", "tool": tool, "arguments": arguments})
}

/// Every example of every shipped analysis, as (name, example line).
fn examples(w: &Workdir) -> Vec<(String, String)> {
    let queries: Value = serde_json::from_str(&w.stdout(&["queries", "--format", "json"])).unwrap();
    let mut all = Vec::new();
    for query in queries.as_array().unwrap() {
        let name = query["name"].as_str().unwrap().to_string();
        let shown: Value = serde_json::from_str(&w.stdout(&["queries", "show", &name, "--format", "json"])).unwrap();
        let lines: Vec<String> = shown["examples"].as_array().map(|e| e.iter().map(|x| x.as_str().unwrap().to_string()).collect()).unwrap_or_default();
        for line in if lines.is_empty() { vec![String::new()] } else { lines } {
            all.push((name.clone(), line));
        }
    }
    all
}

/// What `ihracat run` gives for an example, its messages in `lang` (tr or en): its rows as JSON,
/// or its error.
fn run_json(w: &Workdir, name: &str, example: &str, lang: &str) -> Result<(Value, String), String> {
    let mut args = vec!["run".to_string(), name.to_string()];
    for assignment in example.split_whitespace() {
        args.extend(["-p".to_string(), assignment.to_string()]);
    }
    args.extend(["--format".to_string(), "json".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = w.command(&args).env("IHRACAT_LOCALE", lang).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if output.status.success() { Ok((serde_json::from_slice(&output.stdout).unwrap(), stderr)) } else { Err(stderr) }
}

/// Each tool answer equals `ihracat run`'s for the same example, with `run`'s messages in the
/// language the calls asked for (tr or en): the same rows in the same order with the same values,
/// every notice `run` prints and in its words, or the same refusal in the same words.
fn assert_same_as_run(w: &Workdir, examples: &[(String, String)], results: &[Value], how: &str, lang: &str) {
    assert_eq!(results.len(), examples.len(), "{how}: one answer an example");
    let (notices, notice) = if lang == "tr" { ("notices_tr", "Not: ") } else { ("notices", "Notice: ") };
    for ((name, example), result) in examples.iter().zip(results) {
        let label = format!("{how}: {name} {example}");
        match run_json(w, name, example, lang) {
            Ok((rows, stderr)) => {
                assert_eq!(result["isError"], false, "{label}: {result}");
                assert_eq!(result["structured"]["rows"], rows, "{label}");
                assert_eq!(result["structured"]["query"], name.as_str(), "{label}");
                let text = result["text"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect::<String>();
                assert!(text.starts_with('|'), "{label}: a Markdown table first: {text}");
                for said in result["structured"][notices].as_array().unwrap() {
                    let said = said.as_str().unwrap();
                    assert!(stderr.contains(said), "{label}: run does not say {said}: {stderr}");
                    assert!(text.contains(&format!("{notice}{said}")), "{label}: the text does not say {said}: {text}");
                }
            }
            Err(stderr) => {
                assert_eq!(result["isError"], true, "{label}: run failed ({stderr}) but the tool answered {result}");
                let message = result["text"][0].as_str().unwrap();
                assert!(stderr.contains(message), "{label}: run said {stderr}, the tool {message}");
            }
        }
    }
}

#[test]
fn every_shipped_example_answers_as_run_does_over_stdio_and_http() {
    let Some(python) = python() else { return };
    let w = Workdir::new();
    w.run(&["provinces"]);
    let examples = examples(&w);
    assert!(examples.len() >= 40, "{} examples", examples.len());
    let plan: Vec<Value> = examples.iter().map(|(name, example)| json!({"op": "example", "tool": name, "example": example})).collect();
    let target = stdio_target(&w, &[]);
    let target: Vec<&str> = target.iter().map(String::as_str).collect();
    let over_stdio = client(&w, &python, &target, &Value::Array(plan.clone()));
    assert_eq!(over_stdio["server"], "ihracat");
    // One tool per analysis, each with its header's parameters as a typed schema.
    let tools = over_stdio["tools"].as_array().unwrap();
    let named: Vec<&str> = tools.iter().map(|t| t["name"].as_str().unwrap()).collect();
    for (name, _) in &examples {
        assert!(named.contains(&name.as_str()), "no tool {name}");
    }
    let top = tools.iter().find(|t| t["name"] == "top_provinces").unwrap();
    assert_eq!(top["inputSchema"]["properties"]["year"], json!({"type": "integer", "description": "the year", "minimum": 2000, "maximum": 2100}));
    assert_eq!(top["inputSchema"]["properties"]["basis"]["enum"], json!(["activity", "registered"]));
    assert_eq!(top["inputSchema"]["required"], json!(["year", "month"]));
    assert!(top["description"].as_str().unwrap().contains("`panel` counts the provinces"));
    let history = tools.iter().find(|t| t["name"] == "rank_history").unwrap();
    assert!(history["description"].as_str().unwrap().contains("The parameters must keep: from_year <= to_year."), "{history}");
    assert!(!named.contains(&"run_sql"), "no SQL tool without --allow-sql");
    // Said in Turkish unless the call asks for English: over stdio as given, over HTTP with lang=en.
    assert_same_as_run(&w, &examples, over_stdio["results"].as_array().unwrap(), "stdio", "tr");
    for tool in tools {
        assert_eq!(tool["inputSchema"]["properties"]["lang"]["enum"], json!(["tr", "en"]), "every tool takes lang: {}", tool["name"]);
    }

    let server = serve_with(&w, &[], &[]);
    let url = format!("http://127.0.0.1:{}/mcp", server.port);
    let in_english: Vec<Value> = plan.into_iter().map(|mut step| { step["arguments"] = json!({"lang": "en"}); step }).collect();
    let over_http = client(&w, &python, &["http", &url], &Value::Array(in_english));
    assert_same_as_run(&w, &examples, over_http["results"].as_array().unwrap(), "http", "en");
}

/// October 2025, the seed month, as the release printed it (tests/fixtures/releases/).
#[test]
fn the_seed_month_through_the_tools_is_the_releases() {
    let Some(python) = python() else { return };
    let w = Workdir::new();
    w.run(&["provinces"]);
    let plan = json!([
        call("top_provinces", json!({"year": 2025, "month": 10, "n": 5})),
        call("top_increases", json!({"year": 2025, "month": 10})),
        call("over_threshold", json!({"year": 2025, "month": 10})),
        call("resolve_name", json!({"kind": "province", "name": "kahramanmaras"})),
        call("monthly_report", json!({"year": 2025, "month": 10, "lang": "tr"})),
        call("draw_chart", json!({"analysis": "top_provinces", "arguments": {"year": 2025, "month": 10}})),
        // `lang` among the analysis's arguments is the chart's, not a parameter it lacks.
        call("draw_chart", json!({"analysis": "top_provinces", "arguments": {"year": 2025, "month": 10, "lang": "en"}})),
        {"op": "resources"},
        {"op": "read", "uri": "ihracat://report/2025/10/en"},
        {"op": "prompts"},
        {"op": "prompt", "name": "compare_provinces", "arguments": {"first": "Bursa", "second": "Kocaeli", "year": "2025"}},
        call("list_analyses", json!({})),
        call("list_analyses", json!({"lang": "en"})),
    ]);
    let target = stdio_target(&w, &[]);
    let target: Vec<&str> = target.iter().map(String::as_str).collect();
    let out = client(&w, &python, &target, &plan);
    let results = out["results"].as_array().unwrap();
    let released = common::release_rows("province_figures.csv");
    let release = |metric: &str| -> Vec<(String, f64)> {
        let mut rows: Vec<_> = released
            .iter()
            .filter(|r| r["year"] == "2025" && r["month"] == "10" && r["period"] == "month" && r["basis"] == "activity" && r["metric"] == metric && !r["rank"].is_empty())
            .map(|r| (r["rank"].parse::<u32>().unwrap(), r["province"].clone(), r["value_musd"].parse::<f64>().unwrap() * 1e6))
            .collect();
        rows.sort_by_key(|r| r.0);
        rows.into_iter().map(|(_, p, v)| (p, v)).collect()
    };
    let rows = |i: usize| results[i]["structured"]["rows"].as_array().unwrap().clone();
    let top: Vec<(String, f64)> = rows(0).iter().map(|r| (r["province"].as_str().unwrap().to_string(), r["value_usd"].as_f64().unwrap())).collect();
    assert_eq!(top, release("exports"));
    assert_eq!(top.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(), ["İstanbul", "Kocaeli", "İzmir", "Bursa", "Ankara"]);
    for row in rows(0) {
        assert_eq!(row["origin"], "published");
        assert!(row["source"].as_str().unwrap().starts_with("https://"));
    }
    // İstanbul's share is of Türkiye's published total, never of the five provinces named.
    let istanbul = &rows(0)[0];
    assert!(istanbul["share_of"].as_str().unwrap().starts_with("national total"), "{istanbul}");
    let of_five = 4859.0 / (4859.0 + 3019.0 + 1929.0 + 1821.0 + 1107.0) * 100.0;
    assert!((istanbul["share_pct"].as_f64().unwrap() - of_five).abs() > 10.0, "{istanbul}");
    let notices = results[0]["structured"]["notices"].as_array().unwrap();
    assert!(notices.iter().any(|n| n.as_str().unwrap().contains("of 81 provinces have data for 2025-10")), "{notices:?}");
    // Said in Turkish, as asked by no `lang`: Turkish headings, İstanbul's dollars as the release
    // printed them in Turkish digits, the notice on a line of its own in its Turkish words.
    let text = results[0]["text"][0].as_str().unwrap();
    assert!(text.starts_with("| Sıra | İl | Kod | Değer ($) |"), "{text}");
    let turkish_digits = |value: f64| {
        let digits = format!("{}", value.round() as i64);
        let grouped: Vec<String> = digits.as_bytes().rchunks(3).rev().map(|c| String::from_utf8(c.to_vec()).unwrap()).collect();
        grouped.join(".")
    };
    assert!(text.contains(&format!("| 1 | İstanbul | 34 | {} |", turkish_digits(top[0].1))), "{text}");
    let notices_tr = results[0]["structured"]["notices_tr"].as_array().unwrap();
    assert!(notices_tr.iter().any(|n| n.as_str().unwrap().starts_with("2025-10 için 81 ilden")), "{notices_tr:?}");
    for notice in notices_tr {
        assert!(text.contains(&format!("\nNot: {}\n", notice.as_str().unwrap())), "the notice is its own line: {text}");
    }
    let increases: Vec<String> = rows(1).iter().map(|r| r["province"].as_str().unwrap().to_string()).collect();
    assert_eq!(increases, release("increase").into_iter().map(|(p, _)| p).collect::<Vec<_>>());
    assert_eq!(increases, ["Kocaeli", "İzmir", "Çorum", "Yalova", "Bursa"]);
    let over = &rows(2)[0];
    assert_eq!((over["provinces"].as_i64(), over["origin"].as_str()), (Some(29), Some("published")));
    assert_eq!(results[3]["structured"]["name"], "Kahramanmaraş");
    assert_eq!(results[3]["structured"]["code"], "46");
    assert!(results[4]["text"][0].as_str().unwrap().contains("İstanbul"), "{}", results[4]);
    assert_eq!(results[5]["images"][0]["mime"], "image/png");
    assert!(results[5]["images"][0]["bytes"].as_u64().unwrap() > 10_000);
    assert_eq!(results[6]["isError"], false, "{}", results[6]);
    assert!(results[5]["text"][0].as_str().unwrap().starts_with("Not: 2025-10 için 81 ilden"), "{}", results[5]);
    assert!(results[6]["text"][0].as_str().unwrap().starts_with("Notice: ") && results[6]["text"][0].as_str().unwrap().contains("of 81 provinces have data for 2025-10"), "{}", results[6]);
    let resources: Vec<&str> = results[7]["resources"].as_array().unwrap().iter().map(|r| r["uri"].as_str().unwrap()).collect();
    assert!(resources.contains(&"ihracat://report/2025/10/tr") && resources.contains(&"ihracat://data/provenance"), "{resources:?}");
    assert!(results[8]["contents"][0].as_str().unwrap().contains("Istanbul") || results[8]["contents"][0].as_str().unwrap().contains("İstanbul"));
    assert_eq!(results[9]["prompts"], json!(["aylik_bulten", "compare_provinces"]));
    assert!(results[10]["messages"][0].as_str().unwrap().contains("Bursa and Kocaeli in 2025"));
    // The catalog in each language: each analysis with the summary its header gives in it.
    let header = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/sql/rankings/top_provinces.sql")).unwrap();
    let summary = |key: &str| header.lines().find_map(|l| l.strip_prefix(&format!("--- {key} "))).unwrap().trim().to_string();
    let listed = |i: usize| results[i]["text"][0].as_str().unwrap().to_string();
    assert!(listed(11).lines().any(|l| l == format!("- top_provinces: {}", summary("summary_tr"))), "{}", listed(11));
    assert!(listed(12).lines().any(|l| l == format!("- top_provinces: {}", summary("summary"))), "{}", listed(12));
}

#[test]
fn bad_calls_are_tool_errors_that_say_what_to_fix_and_change_nothing() {
    let Some(python) = python() else { return };
    let w = Workdir::new();
    w.run(&["provinces"]);
    let snapshot = || w.csv(&["sql", "SELECT (SELECT count(*) FROM exports), (SELECT sum(value_usd) FROM exports), (SELECT count(*) FROM published_figures), (SELECT count(*) FROM loads)"]);
    let before = snapshot();
    let plan = json!([
        call("no_such_analysis", json!({"lang": "en"})),
        call("top_provinces", json!({"month": 10, "lang": "en"})),
        call("top_provinces", json!({"year": 2025, "month": 10, "colour": "red", "lang": "en"})),
        call("top_provinces", json!({"year": "two thousand", "month": 10, "lang": "en"})),
        call("top_provinces", json!({"year": 2025, "month": 13, "lang": "en"})),
        call("province_profile", json!({"province": "Kahramanmras", "year": 2025, "lang": "en"})),
        call("province_profile", json!({"province": "x".repeat(1_000_000), "year": 2025, "lang": "en"})),
        call("top_provinces", json!({"year": 2025, "month": 10, "basis": "registered; DROP TABLE exports", "lang": "en"})),
        call("run_sql", json!({"sql": "DELETE FROM exports", "lang": "en"})),
        call("rank_history", json!({"province": "Kocaeli", "from_year": 2025, "to_year": 2024, "lang": "en"})),
        call("top_provinces", json!({"year": 2025, "month": 10, "n": 3})),
        // The same refusals in Turkish, as a call without `lang` hears them, and a `lang` refused.
        call("top_provinces", json!({"year": 2025, "month": 13})),
        call("province_profile", json!({"province": "Kahramanmras", "year": 2025})),
        call("run_sql", json!({"sql": "DELETE FROM exports"})),
        call("top_provinces", json!({"year": 2025, "month": 10, "lang": "de"})),
    ]);
    let target = stdio_target(&w, &[]);
    let target: Vec<&str> = target.iter().map(String::as_str).collect();
    let out = client(&w, &python, &target, &plan);
    let results = out["results"].as_array().unwrap();
    let error = |i: usize| -> String {
        assert_eq!(results[i]["isError"], true, "step {i}: {}", results[i]);
        results[i]["text"][0].as_str().unwrap().to_string()
    };
    assert!(error(0).starts_with("unknown query `no_such_analysis`"), "{}", error(0));
    assert!(error(1).contains("`year`"), "{}", error(1));
    assert!(error(2).contains("parameter `colour`"), "{}", error(2));
    assert!(error(3).contains("parameter `year`"), "{}", error(3));
    assert!(error(4).contains("parameter `month`") && error(4).contains("outside"), "{}", error(4));
    assert!(error(5).contains("Kahramanmaraş"), "suggestions: {}", error(5));
    assert!(results[5]["structured"]["suggestions"].as_array().unwrap().iter().any(|s| s == "Kahramanmaraş") || error(5).contains("did you mean"));
    assert!(error(6).contains("at most 10000 bytes"), "{}", error(6));
    assert!(error(7).contains("parameter `basis`"), "{}", error(7));
    assert!(error(8).contains("run_sql is off"), "{}", error(8));
    assert!(error(9).contains("parameter `to_year`: `2024` must not be less than `from_year` (`2025`)"), "{}", error(9));
    assert_eq!(results[10]["isError"], false, "the server keeps answering: {}", results[10]);
    assert_eq!(results[10]["structured"]["rows"].as_array().unwrap().len(), 3);
    assert_eq!(error(11), "`month` parametresi: `13` geçerli değil: 1..12 aralığının dışında");
    assert!(error(12).starts_with("bilinmeyen il `Kahramanmras`; şunlardan birini mi demek istediniz: Kahramanmaraş"), "{}", error(12));
    assert!(error(13).starts_with("run_sql kapalı"), "{}", error(13));
    assert_eq!(error(14), "`lang` parametresi: `de`: tr ya da en bekleniyor");
    assert_eq!(results[14]["structured"]["parameter"], "lang");
    assert_eq!(snapshot(), before, "the managed tables are as they were");
}

#[test]
fn with_allow_sql_one_read_only_select_runs_and_nothing_else() {
    let Some(python) = python() else { return };
    let w = Workdir::new();
    w.run(&["provinces"]);
    let written = w.path("out.csv");
    let plan = json!([
        call("run_sql", json!({"sql": "SELECT count(*) AS n FROM provinces"})),
        call("run_sql", json!({"sql": "DELETE FROM exports"})),
        call("run_sql", json!({"sql": format!("COPY (SELECT 1) TO '{}'", written.display())})),
        call("run_sql", json!({"sql": "SELECT * FROM read_csv('/etc/passwd')"})),
        call("run_sql", json!({"sql": format!("ATTACH '{}' AS other", w.path("other.duckdb").display())})),
        call("run_sql", json!({"sql": "/* /* */ SELECT */ SET GLOBAL memory_limit = '1MB'"})),
        call("top_provinces", json!({"year": 2025, "month": 10, "n": 2})),
    ]);
    let target = stdio_target(&w, &["--allow-sql"]);
    let target: Vec<&str> = target.iter().map(String::as_str).collect();
    let out = client(&w, &python, &target, &plan);
    assert!(out["tools"].as_array().unwrap().iter().any(|t| t["name"] == "run_sql"));
    let results = out["results"].as_array().unwrap();
    assert_eq!(results[0]["structured"]["rows"], json!([{"n": 81}]));
    for (i, result) in results.iter().enumerate().take(6).skip(1) {
        assert_eq!(result["isError"], true, "step {i} was let through: {result}");
    }
    assert!(!written.exists(), "COPY wrote a file");
    assert!(!w.path("other.duckdb").exists(), "ATTACH made a file");
    assert_eq!(results[6]["isError"], false, "a setting changed for the next call: {}", results[6]);
}

/// `ihracat mcp` driven by hand, one JSON-RPC line at a time.
struct Session {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    lines: mpsc::Receiver<String>,
}

impl Session {
    fn start(w: &Workdir, extra: &[&str]) -> Session {
        let mut args = vec!["mcp"];
        args.extend_from_slice(extra);
        let mut child = w.command(&args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = send.send(line);
            }
        });
        let mut session = Session { child, stdin, lines };
        session.send(&json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "tests/mcp.rs", "version": "1"}}}));
        assert!(session.answer(0)["result"]["serverInfo"]["name"] == "ihracat");
        session.send(&json!({"jsonrpc": "2.0", "method": "notifications/initialized"}));
        session
    }

    fn send(&mut self, message: &Value) {
        self.send_text(&message.to_string());
    }

    fn send_text(&mut self, text: &str) {
        writeln!(self.stdin, "{text}").unwrap();
        self.stdin.flush().unwrap();
    }

    fn call(&mut self, id: u64, tool: &str, arguments: Value) {
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": "tools/call", "params": {"name": tool, "arguments": arguments}}));
    }

    /// The answer to request `id`, whatever else arrives first (bounded: a minute).
    fn answer(&mut self, id: u64) -> Value {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = self.lines.recv_timeout(left).unwrap_or_else(|_| panic!("no answer to request {id}"));
            let message: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
            if message["id"] == id {
                return message;
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn malformed_messages_get_answers_and_the_session_goes_on() {
    let w = Workdir::new();
    let mut session = Session::start(&w, &[]);
    session.send_text("{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": \"tools/list\"");
    session.send(&json!({"jsonrpc": "2.0", "id": 6, "method": "no/such/method"}));
    let unknown = session.answer(6);
    assert!(unknown["error"]["code"].is_i64(), "{unknown}");
    session.send(&json!({"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "top_provinces", "arguments": "not an object"}}));
    let wrong = session.answer(7);
    assert!(wrong.get("error").is_some() || wrong["result"]["isError"] == true, "{wrong}");
    session.call(8, "top_provinces", json!({"year": 2025, "month": 10, "n": 1}));
    let answer = session.answer(8);
    assert_eq!(answer["result"]["structuredContent"]["rows"][0]["province"], "İstanbul", "{answer}");
    // A row's fields come in the order of the query's columns, as `run` writes them, not sorted.
    let structured = &answer["result"]["structuredContent"];
    let columns: Vec<&str> = structured["columns"].as_array().unwrap().iter().map(|c| c["name"].as_str().or(c.as_str()).unwrap()).collect();
    let keys: Vec<&str> = structured["rows"][0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, columns, "{structured}");
    assert_eq!(&keys[..3], ["rank", "province", "code"]);
}

#[test]
fn a_load_in_another_process_goes_ahead_and_the_next_call_shows_it() {
    let w = Workdir::new();
    let mut session = Session::start(&w, &[]);
    let kocaeli = |session: &mut Session, id: u64| -> Value {
        session.call(id, "province_profile", json!({"province": "Kocaeli", "year": 2025}));
        let answer = session.answer(id);
        answer["result"]["structuredContent"]["rows"].as_array().unwrap().iter().find(|r| r["month"] == 10).cloned().unwrap()
    };
    assert_eq!(kocaeli(&mut session, 1)["value_usd"].as_f64(), Some(3_019_000_000.0));
    let file = w.write("kocaeli.csv", "il,yıl,ay,ihracat (usd)\nKocaeli,2025,10,3100000000\n");
    let load = w.command(&["load", file.to_str().unwrap(), "--basis", "activity"]).output().unwrap();
    assert!(load.status.success(), "the load goes ahead: {}", String::from_utf8_lossy(&load.stderr));
    let after = kocaeli(&mut session, 2);
    assert_eq!((after["value_usd"].as_f64(), after["origin"].as_str()), (Some(3_100_000_000.0), Some("loaded")));
}

#[test]
fn a_call_over_its_time_limit_is_stopped_while_another_answers() {
    let w = Workdir::new();
    w.write("q/slow.sql", "--- summary  Runs for hours\nSELECT sum(hash(i)) AS h FROM range(1000000000000) t(i)\n");
    let dir = w.path("q");
    let mut session = Session::start(&w, &["--time-limit", "1", "--queries", dir.to_str().unwrap()]);
    session.call(1, "slow", json!({}));
    session.call(2, "top_provinces", json!({"year": 2025, "month": 10, "n": 1}));
    let quick = session.answer(2);
    assert_eq!(quick["result"]["isError"], false, "{quick}");
    let slow = session.answer(1);
    assert_eq!(slow["result"]["isError"], true, "{slow}");
    // Said in Turkish: the call gave no `lang`.
    assert_eq!(slow["result"]["content"][0]["text"], "sorgu 1 sn'den uzun sürdü ve durduruldu", "{slow}");
}

/// Over stdio too, a reused id is refused at once and the first request is answered: rmcp
/// dropped the first answer, so the client read the second call's answer under the first's id.
/// A cancelled request gets no answer, so its id is free as soon as the client cancels it.
#[test]
fn over_stdio_a_request_id_in_flight_is_refused_and_a_cancelled_one_is_free() {
    let w = Workdir::new();
    w.write("q/slow.sql", "--- summary  Runs for hours\nSELECT sum(hash(i)) AS h FROM range(1000000000000) t(i)\n");
    let dir = w.path("q");
    let mut session = Session::start(&w, &["--time-limit", "4", "--queries", dir.to_str().unwrap()]);
    let top = json!({"year": 2025, "month": 10, "n": 1});
    session.call(7, "slow", json!({"lang": "en"}));
    session.call(7, "top_provinces", top.clone());
    let refusal = session.answer(7);
    assert_eq!(refusal["error"]["code"], -32600, "{refusal}");
    assert!(refusal["error"]["message"].as_str().unwrap().contains("request id 7 is in use by a request of this session"), "{refusal}");
    let slow = session.answer(7);
    assert_eq!(slow["result"]["isError"], true, "{slow}");
    assert!(slow["result"]["content"][0]["text"].as_str().unwrap().contains("ran longer than 4 s"), "{slow}");
    // Answered, the id is free again.
    session.call(7, "top_provinces", top.clone());
    let again = session.answer(7);
    assert_eq!(again["result"]["isError"], false, "{again}");
    assert_eq!(again["result"]["structuredContent"]["rows"][0]["province"], "İstanbul", "{again}");
    session.call(9, "slow", json!({}));
    session.send(&json!({"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": 9, "reason": "the user moved on"}}));
    session.call(9, "top_provinces", top);
    let after_cancel = session.answer(9);
    assert_eq!(after_cancel["result"]["isError"], false, "{after_cancel}");
}

/// One JSON-RPC message POSTed to `/mcp`: the status, the session the server named, the body.
/// Reading stops after a minute, so that a request the server never answers fails the test.
fn post_mcp(port: u16, session: Option<&str>, message: &Value) -> (u16, Option<String>, String) {
    use std::io::Read;
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("the server accepts");
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let body = message.to_string();
    let session = session.map(|s| format!("Mcp-Session-Id: {s}\r\n")).unwrap_or_default();
    write!(
        stream,
        "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n{session}Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("an answer within a minute");
    let raw = String::from_utf8_lossy(&raw).to_string();
    let (head, body) = raw.split_once("\r\n\r\n").expect("an HTTP reply");
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let session = head.lines().find_map(|l| l.split_once(": ").filter(|(k, _)| k.eq_ignore_ascii_case("mcp-session-id")).map(|(_, v)| v.to_string()));
    (status, session, body.to_string())
}

/// Clients that start at once each get a session, though every one opens with id 0: ids are a
/// session's own, and a request without a session belongs to the one it opens. Before, the guard
/// held them in one unnamed session and refused some (4 of 32 on two cores), whose every call
/// after was refused too. Several rounds, because which requests overlap is up to the machine.
#[test]
fn clients_starting_together_each_get_a_session() {
    let w = Workdir::new();
    let server = serve_with(&w, &[], &[]);
    let port = server.port;
    let initialize = json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "tests/mcp.rs", "version": "1"}}});
    for round in 0..4 {
        let clients: Vec<_> = (0..32)
            .map(|_| {
                let initialize = initialize.clone();
                std::thread::spawn(move || post_mcp(port, None, &initialize))
            })
            .collect();
        let mut sessions = std::collections::BTreeSet::new();
        for client in clients {
            let (status, session, body) = client.join().unwrap();
            assert_eq!(status, 200, "round {round}: {body}");
            sessions.insert(session.expect("the server names the session"));
        }
        assert_eq!(sessions.len(), 32, "round {round}: a session each");
    }
}

/// A client that reuses the id of a request still in flight hears so at once, and the first
/// request is still answered: rmcp routed an answer by its id, so the second request waited for
/// ever on an open connection.
#[test]
fn a_request_id_in_flight_is_refused_to_a_second_request() {
    let w = Workdir::new();
    w.write("q/slow.sql", "--- summary  Runs for hours\nSELECT sum(hash(i)) AS h FROM range(1000000000000) t(i)\n");
    let dir = w.path("q");
    let server = serve_with(&w, &["--queries", dir.to_str().unwrap()], &["--time-limit", "4"]);
    let port = server.port;
    let initialize = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "tests/mcp.rs", "version": "1"}}});
    let (status, session, _) = post_mcp(port, None, &initialize);
    assert_eq!(status, 200);
    let session = session.expect("the server names the session");
    let (status, _, _) = post_mcp(port, Some(&session), &json!({"jsonrpc": "2.0", "method": "notifications/initialized"}));
    assert_eq!(status, 202);
    let call = |id: u32, tool: &str, arguments: Value| json!({"jsonrpc": "2.0", "id": id, "method": "tools/call", "params": {"name": tool, "arguments": arguments}});
    let slow = call(7, "slow", json!({"lang": "en"}));
    let first = {
        let session = session.clone();
        std::thread::spawn(move || post_mcp(port, Some(&session), &slow))
    };
    // The slow call holds id 7 until its time limit stops it, four seconds after it starts.
    std::thread::sleep(Duration::from_millis(1500));
    let (status, _, body) = post_mcp(port, Some(&session), &call(7, "top_provinces", json!({"year": 2025, "month": 10, "n": 1})));
    assert_eq!(status, 400, "{body}");
    let refusal: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(refusal["id"], 7);
    assert_eq!(refusal["error"]["code"], -32600);
    assert!(refusal["error"]["message"].as_str().unwrap().contains("request id 7 is in use by a request of this session"), "{refusal}");
    let (status, _, body) = first.join().unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("ran longer than 4 s"), "{body}");
    // Answered, the id is free again.
    let (status, _, body) = post_mcp(port, Some(&session), &call(7, "top_provinces", json!({"year": 2025, "month": 10, "n": 1})));
    assert_eq!(status, 200);
    assert!(body.contains("\"id\":7") && body.contains("\"isError\":false"), "{body}");
}

/// A result longer than `--max-rows` is cut, and says so in both languages: how many rows there
/// were and the parameters that ask for fewer.
#[test]
fn a_result_cut_at_the_row_cap_says_how_to_narrow_it_in_both_languages() {
    let w = Workdir::new();
    let mut session = Session::start(&w, &["--max-rows", "2"]);
    // October 2025's release ranked İstanbul, Kocaeli, İzmir, Bursa and Ankara.
    session.call(1, "top_provinces", json!({"year": 2025, "month": 10, "n": 5}));
    let answer = session.answer(1);
    let structured = &answer["result"]["structuredContent"];
    let provinces: Vec<&str> = structured["rows"].as_array().unwrap().iter().map(|r| r["province"].as_str().unwrap()).collect();
    assert_eq!(provinces, ["İstanbul", "Kocaeli"], "{answer}");
    let cut = &structured["truncated"];
    assert_eq!((cut["rows_shown"].as_u64(), cut["rows_total"].as_u64()), (Some(2), Some(5)), "{answer}");
    assert_eq!(cut["how_to_narrow"], "narrow it with year, month, n, period");
    assert_eq!(cut["how_to_narrow_tr"], "şu parametrelerle daraltın: year, month, n, period");
    let text = answer["result"]["content"][0]["text"].as_str().unwrap();
    assert!(text.contains("5 satırın ilk 2 satırı gösteriliyor: şu parametrelerle daraltın: year, month, n, period"), "{text}");
}

/// A resource that cannot be read says why in the language its address asks for (`…/tr`, `…/en`;
/// Turkish, the interface's own, when it names none); a prompt, which has no language, in both.
#[test]
fn a_resource_that_cannot_be_read_says_why_in_its_language() {
    let w = Workdir::new();
    let mut session = Session::start(&w, &[]);
    let mut error = |id: u64, method: &str, params: Value| -> String {
        session.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let answer = session.answer(id);
        answer["error"]["message"].as_str().unwrap_or_else(|| panic!("an error: {answer}")).to_string()
    };
    // The bundled data has no figures for January 2030.
    assert_eq!(error(1, "resources/read", json!({"uri": "ihracat://report/2030/1/tr"})), "2030-01 için faaliyet ili esasında rakam yok");
    assert_eq!(error(2, "resources/read", json!({"uri": "ihracat://report/2030/1/en"})), "no figures for 2030-01 on the activity basis");
    assert_eq!(error(3, "resources/read", json!({"uri": "ihracat://report/ekim/2025/tr"})), "`ihracat://report/ekim/2025/tr` diye bir kaynak yok: YIL ve AY sayı olmalı");
    assert_eq!(error(4, "resources/read", json!({"uri": "ihracat://report/2025/10/de"})), "`ihracat://report/2025/10/de` diye bir kaynak yok: dil tr ya da en olmalı");
    assert_eq!(
        error(5, "prompts/get", json!({"name": "bulten"})),
        "`bulten` diye bir istem yok: istemler aylik_bulten ve compare_provinces / no prompt `bulten`: the prompts are aylik_bulten and compare_provinces"
    );
}
