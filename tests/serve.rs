//! `ihracat serve` over real HTTP on an ephemeral port (issue 19): every shipped example in every
//! view against `ihracat run`, errors with their status and words, escaping, the read-only SQL
//! page, and loads in another process while clients read.

mod common;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;

use common::{Server, Workdir, parse_csv, serve_with};

fn serve(w: &Workdir, extra: &[&str]) -> Server {
    serve_with(w, extra, &[])
}

struct Reply {
    status: u16,
    headers: BTreeMap<String, String>,
    body: Vec<u8>,
}

impl Reply {
    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("a UTF-8 body")
    }
}

fn get(server: &Server, path: &str) -> Reply {
    get_with(server, path, &[])
}

fn get_with(server: &Server, path: &str, headers: &[(&str, &str)]) -> Reply {
    get_port(server.port, path, headers)
}

fn get_port(port: u16, path: &str, headers: &[(&str, &str)]) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("the server accepts");
    let extra: String = headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{extra}\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("an HTTP reply");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut lines = head.lines();
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: BTreeMap<String, String> = lines.filter_map(|l| l.split_once(": ")).map(|(k, v)| (k.to_ascii_lowercase(), v.to_string())).collect();
    let mut body = raw[split + 4..].to_vec();
    if headers.get("transfer-encoding").is_some_and(|t| t == "chunked") {
        body = dechunk(&body);
    }
    Reply { status, headers, body }
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let end = body.windows(2).position(|w| w == b"\r\n").unwrap();
        let size = usize::from_str_radix(std::str::from_utf8(&body[..end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 2 + size + 2..];
    }
}

fn query_string(example: &str) -> String {
    example.split_whitespace().map(|kv| kv.replace('İ', "%C4%B0").replace(' ', "+")).collect::<Vec<_>>().join("&")
}

#[test]
fn every_example_answers_in_every_view_with_the_values_of_run() {
    let w = Workdir::new();
    let server = serve(&w, &[]);
    let catalog: serde_json::Value = serde_json::from_slice(&get(&server, "/api/queries").body).unwrap();
    let queries = catalog["queries"].as_array().unwrap();
    assert_eq!(queries.len(), w.csv(&["queries"]).len() - 1, "the API lists the catalog");
    let mut checked = 0;
    for query in queries {
        let name = query["name"].as_str().unwrap();
        for example in query["examples"].as_array().unwrap().iter().map(|e| e.as_str().unwrap()) {
            let mut run_args = vec!["run", name];
            let pairs: Vec<String> = example.split_whitespace().map(|s| s.to_string()).collect();
            for pair in &pairs {
                run_args.extend(["-p", pair.as_str()]);
            }
            let run = w.command(&[run_args.as_slice(), &["--format", "csv"]].concat()).output().unwrap();
            let qs = query_string(example);
            let page = get(&server, &format!("/q/{name}?{qs}"));
            if !run.status.success() {
                // The analyses that refuse on the bundled partial detail refuse here too: with the
                // same words on the English page, in Turkish (naming `--complete`) on the Turkish one.
                let message = String::from_utf8_lossy(&run.stderr).replace("ihracat: error: ", "");
                assert_eq!(page.status, 422, "{name} {example}");
                assert!(page.text().contains("gerektirir") && page.text().contains("<code>--complete</code>"), "{name}: {}", page.text());
                let english = get(&server, &format!("/q/{name}?{qs}&lang=en"));
                let shown = english.text().replace("<code>", "`").replace("</code>", "`");
                assert!(shown.contains(&escape(message.trim().lines().next().unwrap())), "{name}: {shown}");
                continue;
            }
            assert_eq!(page.status, 200, "{name} {example}: {}", page.text());
            assert!(page.headers["content-type"].starts_with("text/html"));
            let csv = get(&server, &format!("/q/{name}.csv?{qs}"));
            assert_eq!(csv.status, 200);
            assert_eq!(csv.text(), String::from_utf8(run.stdout.clone()).unwrap(), "{name} {example}: CSV as run writes it");
            let run_rows = parse_csv(&String::from_utf8(run.stdout).unwrap());
            let json: serde_json::Value = serde_json::from_slice(&get(&server, &format!("/q/{name}.json?{qs}")).body).unwrap();
            let rows = json["rows"].as_array().unwrap();
            assert_eq!(rows.len(), run_rows.len() - 1, "{name} {example}");
            assert_eq!(json["row_count"].as_u64().unwrap() as usize, rows.len());
            let columns: Vec<&str> = json["columns"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
            assert_eq!(columns, run_rows[0].iter().map(String::as_str).collect::<Vec<_>>());
            let parquet = get(&server, &format!("/q/{name}.parquet?{qs}"));
            assert_eq!(parquet.status, 200);
            let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(parquet.body)).unwrap().build().unwrap();
            let batches: Vec<_> = reader.map(|b| b.unwrap()).collect();
            assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), rows.len(), "{name} {example}: Parquet rows");
            if let Some(batch) = batches.first() {
                let names: Vec<String> = batch.schema().fields().iter().map(|f| f.name().clone()).collect();
                assert_eq!(names, run_rows[0]);
                // Types other engines read: no 128-bit integers (HUGEINT arrives as DECIMAL(38,0)),
                // no unsigned integers, no nanosecond timestamps.
                for field in batch.schema().fields() {
                    let t = field.data_type().to_string();
                    assert!(t != "Decimal128(38, 0)" && !t.starts_with("UInt") && !t.contains("Nanosecond"), "{name}: {} is {t}", field.name());
                }
            }
            let xlsx = get(&server, &format!("/q/{name}.xlsx?{qs}"));
            assert_eq!((xlsx.status, &xlsx.body[..2]), (200, &b"PK"[..]), "{name}: an Excel workbook");
            if query["chart"].is_object() && !rows.is_empty() {
                let svg = get(&server, &format!("/q/{name}.svg?{qs}"));
                if svg.status == 422 {
                    // No value to draw: the answer says why, as `ihracat chart` does.
                    assert!(svg.text().contains("so there is nothing to draw: "), "{name} {example}: {}", svg.text());
                } else {
                    assert_eq!(svg.status, 200, "{name} {example}: {}", svg.text());
                    roxmltree::Document::parse(&svg.text()).expect("the chart is XML");
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 30, "{checked} examples checked");
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[test]
fn the_page_shows_the_result_its_chart_and_map_with_the_figures_of_the_release() {
    let w = Workdir::new();
    let server = serve(&w, &[]);
    let page = get(&server, "/q/top_provinces?year=2025&month=10&n=5");
    let html = page.text();
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"tr\">"), "Turkish by default: {}", &html[..80]);
    assert!(html.contains(">4.859.000.000<"), "Turkish numbers in the table, without cents no release printed");
    assert!(html.contains("class=\"bar\" data-label=\"İstanbul\""), "the bar chart");
    assert_eq!(html.matches("class=\"province\"").count(), 81, "the map");
    assert!(html.contains("href=\"https://ekiphaber.com/haber/turkiye-de-10-ayda-46-ilin-ihracati-1-milyar-dolar-esigini-asti\""), "sources as links");
    assert!(html.contains("81 ilin hepsine dayanmıyor"), "the incomplete panel is explained");
    // The notice names the columns by the headings the table shows, not by their machine names.
    assert!(html.contains("(sütunlar: Verisi olan il, Payın paydası, Kaynak türü).") && html.contains("<th class=\"num\" title=\"panel\">Verisi olan il</th>"), "{html}");
    // The form keeps the state, and the same path with an extension downloads it.
    assert!(html.contains("name=\"year\" type=\"number\" step=\"1\" value=\"2025\" required min=\"2000\" max=\"2100\""), "{html}");
    assert!(html.contains("href=\"/q/top_provinces.csv?year=2025&amp;month=10&amp;n=5\""));
    // The browser's language chooses when the URL does not; the URL wins.
    let english = get_with(&server, "/q/top_provinces?year=2025&month=10", &[("Accept-Language", "en-GB,en;q=0.9")]).text();
    assert!(english.contains("<html lang=\"en\">") && english.contains(">4,859,000,000<"));
    assert!(english.contains("(columns: Provinces with data, Share of, Origin)."), "{english}");
    // The count under the table (the release ranked five), and one under a single-row answer.
    assert!(html.contains("<p class=\"rows\">5 satır</p>") && english.contains("<p class=\"rows\">5 rows</p>"), "{english}");
    let one = get(&server, "/q/concentration?year=2025&month=10&lang=en").text();
    assert!(one.contains("<p class=\"rows\">1 row</p>"), "{one}");
    let bir = get(&server, "/q/concentration?year=2025&month=10&lang=tr").text();
    assert!(bir.contains("<p class=\"rows\">1 satır</p>"), "{bir}");
    // The description names the columns by the headings the table shows, as the Turkish one does.
    assert!(english.contains("<p class=\"detail\">\u{201c}Share (%)\u{201d} is of the sum of all 81 provinces"), "{english}");
    let turkish = get_with(&server, "/q/top_provinces?year=2025&month=10&lang=tr", &[("Accept-Language", "en")]).text();
    assert!(turkish.contains("<html lang=\"tr\">"));
    // A statement's note, in English as the release copies wrote it and in Turkish, each marked
    // with its language on either page (March 2024's İstanbul change, printed -23).
    let note = "<td class=\"\" lang=\"en\">change printed as -23, probably -2.3</td><td class=\"\" lang=\"tr\">değişim -23 olarak basılmış, muhtemelen -2,3</td>";
    for lang in ["tr", "en"] {
        let releases = get(&server, &format!("/q/releases?year=2024&month=3&lang={lang}")).text();
        assert!(releases.contains(note), "{releases}");
    }
    // Every page forbids what it does not need.
    assert!(page.headers["content-security-policy"].contains("default-src 'none'"));
    assert_eq!(page.headers["x-content-type-options"], "nosniff");
    for outside in ["<script", "src=\"http", "href=\"http://", "url(http"] {
        assert!(!html.replace("href=\"https://", "").contains(outside), "the page fetches nothing: {outside}");
    }
    // The report, and the home page's headline.
    let report = get(&server, "/report/2025/10").text();
    assert!(report.contains("İstanbul 4 milyar 859 milyon dolarla birinci"));
    assert!(!report.contains("<style>"), "the report's inline style gives way to the site's stylesheet");
    let home = get(&server, "/");
    assert_eq!(home.status, 200);
    assert!(home.text().contains("href=\"/q/top_provinces?lang=tr\""));
    let latest = get(&server, "/report/latest");
    assert_eq!(latest.status, 303);
    let css = get(&server, "/assets/style.css");
    assert_eq!((css.status, css.headers["content-type"].as_str()), (200, "text/css; charset=utf-8"));
    assert!(css.text().contains("@media print"), "pages print without the navigation and the form");
}

/// The notices travel with the JSON in both languages, each with a code a program can test.
#[test]
fn the_json_carries_its_notices_in_both_languages_with_their_codes() {
    let w = Workdir::new();
    let server = common::serve_with(&w, &[], &[]);
    let json: serde_json::Value = serde_json::from_slice(&get(&server, "/q/top_provinces.json?year=2025&month=10").body).unwrap();
    // The October 2025 release named eight provinces (tests/fixtures/releases).
    assert_eq!(json["notice_codes"], serde_json::json!(["panel"]));
    assert!(json["notices"][0].as_str().unwrap().starts_with("8 of 81 provinces have data for 2025-10"), "{json}");
    assert!(json["notices_tr"][0].as_str().unwrap().starts_with("2025-10 için 81 ilden 8 ilin verisi var"), "{json}");
    let empty: serde_json::Value = serde_json::from_slice(&get(&server, "/q/bottom_provinces.json?year=2025&month=10&n=3").body).unwrap();
    assert_eq!(empty["row_count"], 0);
    let codes: Vec<&str> = empty["notice_codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    let at = codes.iter().position(|c| *c == "empty").expect("an empty notice");
    assert_eq!(empty["notices"][at], "no rows: no ranking from the bottom: fewer than 81 provinces have a value for the period");
    assert_eq!(empty["notices_tr"][at], "satır yok: alttan sıralama yok: dönem için değeri olan il sayısı 81'den az");
}

/// An empty result's page says why once, where its table would be, in the page's language.
#[test]
fn an_empty_page_says_why_once() {
    let w = Workdir::new();
    let server = common::serve_with(&w, &[], &[]);
    for (lang, why) in [
        ("en", "no ranking from the bottom: fewer than 81 provinces have a value for the period"),
        ("tr", "alttan sıralama yok: dönem için değeri olan il sayısı 81"),
    ] {
        let page = get(&server, &format!("/q/bottom_provinces?year=2025&month=10&n=3&lang={lang}"));
        assert_eq!(page.status, 200);
        let html = page.text();
        // (The query's SQL, shown below the result, carries its `--- empty` line too.)
        let result = html.split("<details").next().unwrap();
        assert_eq!(result.matches(why).count(), 1, "{lang}: {html}");
    }
}

/// A chart downloads at the named sizes and scales the pages link to; a bad one is refused.
#[test]
fn a_chart_downloads_at_a_named_size_or_scale() {
    let w = Workdir::new();
    let server = common::serve_with(&w, &[], &[]);
    let width = |path: &str| {
        let reply = get(&server, path);
        assert_eq!(reply.status, 200, "{path}");
        u32::from_be_bytes(reply.body[16..20].try_into().unwrap())
    };
    // The bar chart's own width is 760 px; a newspaper column 480 px at 3×.
    assert_eq!(width("/q/top_provinces.png?year=2025&month=10"), 760);
    assert_eq!(width("/q/top_provinces.png?year=2025&month=10&scale=2"), 1520);
    assert_eq!(width("/q/top_provinces.png?year=2025&month=10&size=column"), 1440);
    assert_eq!(width("/q/top_provinces.png?year=2025&month=10&width=900&scale=2"), 1800);
    let bad = get(&server, "/q/top_provinces.png?year=2025&month=10&scale=9");
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("scale"), "{}", bad.text());
    let page = get(&server, "/q/top_provinces?year=2025&month=10").text();
    assert!(page.contains("size=column"), "the page links the sizes");
}

/// The report page moves between the months with figures: previous and next links, and a picker
/// (a plain form, no script) that lands on the month chosen.
#[test]
fn the_report_page_picks_its_month() {
    let w = Workdir::new();
    let server = common::serve_with(&w, &[], &[]);
    let report = get(&server, "/report/2025/10?lang=tr").text();
    // The bundled data has activity-basis figures for September and November 2025 (`ihracat run
    // coverage -p basis=activity`), so October sits between them.
    assert!(report.contains("href=\"/report/2025/9?lang=tr\" rel=\"prev\""), "previous month");
    assert!(report.contains("href=\"/report/2025/11?lang=tr\" rel=\"next\""), "next month");
    assert!(report.contains("<option value=\"2025-10\" selected>Ekim 2025</option>"));
    assert!(report.contains("<option value=\"2024-01\">Ocak 2024</option>"), "every month with figures is offered");
    let picked = get(&server, "/report/latest?month=2025-07&lang=en");
    assert_eq!((picked.status, picked.headers["location"].as_str()), (303, "/report/2025/7?lang=en"));
}

#[test]
fn errors_say_what_and_where_with_their_status() {
    let w = Workdir::new();
    let server = serve(&w, &[]);
    let bad = get(&server, "/q/top_provinces?year=2025&month=13");
    assert_eq!(bad.status, 400);
    let html = bad.text();
    let field = &html[html.find("for=\"month\"").unwrap()..];
    // Beside its field, in the page's language (Turkish unless asked), what was typed as code.
    assert!(field[..field.find("</div>").unwrap()].contains("<code>13</code> geçerli değil: 1..12 aralığının dışında"), "the message beside its field: {html}");
    // A year typed is written back as typed, not grouped as an amount (1.999).
    let year = get(&server, "/q/top_provinces?year=1999&month=10").text();
    let field = &year[year.find("for=\"year\"").unwrap()..];
    let field = &field[..field.find("</div>").unwrap()];
    assert!(field.contains("<code>1999</code> geçerli değil: 2000..2100 aralığının dışında") && !field.contains("1.999"), "{field}");
    // Years out of order: said beside the later one, and the JSON names it.
    let swapped = get(&server, "/q/rank_history?province=Kocaeli&from_year=2025&to_year=2024");
    assert_eq!(swapped.status, 400);
    let html = swapped.text();
    let field = &html[html.find("for=\"to_year\"").unwrap()..];
    assert!(field[..field.find("</div>").unwrap()].contains("<code>2024</code>, İlk yıl (<code>from_year</code>) değerinden (<code>2025</code>) küçük olamaz"), "{html}");
    let json: serde_json::Value = serde_json::from_slice(&get(&server, "/q/rank_history.json?province=Kocaeli&from_year=2025&to_year=2024").body).unwrap();
    assert_eq!(json["parameter"], "to_year");
    let english = get(&server, "/q/top_provinces?year=2025&month=13&lang=en").text();
    let field = &english[english.find("for=\"month\"").unwrap()..];
    assert!(field[..field.find("</div>").unwrap()].contains("<code>13</code> is not a valid int: 13 is outside 1..12"), "{english}");
    let json: serde_json::Value = serde_json::from_slice(&get(&server, "/q/top_provinces.json?year=2025&month=13").body).unwrap();
    assert_eq!(json["parameter"], "month");
    assert_eq!(json["error"], "parameter `month`: `13` is not a valid int: 13 is outside 1..12");
    let province = get(&server, "/q/province_profile?province=Atlantis&year=2025");
    assert_eq!(province.status, 400);
    assert!(province.text().contains("Atlantis"));
    let unknown = get(&server, "/q/top_provincs?year=2025");
    assert_eq!(unknown.status, 404);
    assert!(unknown.text().contains("href=\"/q/top_provinces?lang=tr\""), "a suggestion");
    assert_eq!(get(&server, "/q/top_provinces.exe?year=2025&month=10").status, 404);
    assert_eq!(get(&server, "/assets/..%2F..%2FCargo.toml").status, 404);
    assert_eq!(get(&server, "/assets/%2Fetc%2Fpasswd").status, 404);
    assert_eq!(get(&server, "/report/2025/13").status, 404);
    assert_eq!(get(&server, "/report/1990/1").status, 404);
    assert_eq!(get(&server, "/nowhere").status, 404);
    assert_eq!(get(&server, "/q/top_provinces?year=%ZZ").status, 400);
    // The form without its required fields is a form, not an error.
    let empty = get(&server, "/q/top_provinces");
    assert_eq!(empty.status, 200);
    assert!(empty.text().contains("Sonuç için zorunlu alanları doldurun."));
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let w = Workdir::new();
    let dir = w.path("q");
    w.write(
        "q/hostile.sql",
        "--- summary  <script>alert('summary')</script>\n--- param    who text = \"<b>x</b>\"  <i>doc</i>\n--- example  who=y\nSELECT '<img src=x onerror=alert(1)>' AS cell, $who AS who\n",
    );
    let server = serve(&w, &["--queries", dir.to_str().unwrap()]);
    let page = get(&server, "/q/hostile?who=%3Cscript%3Ealert(2)%3C%2Fscript%3E").text();
    assert!(!page.contains("<script") && !page.contains("<img") && !page.contains("<i>") && !page.contains("<b>"), "{page}");
    assert!(page.contains("&lt;script&gt;alert('summary')&lt;/script&gt;") || page.contains("&lt;script&gt;alert(&#39;summary&#39;)&lt;/script&gt;"), "{page}");
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    let home = get(&server, "/").text();
    assert!(!home.contains("<script"));
    let sql = get(&server, "/sql?q=SELECT+%27%3Cscript%3E%27+AS+%22%3Cb%3E%22").text();
    assert!(!sql.contains("<script>") && sql.contains("&lt;script&gt;"), "{sql}");
}

/// The row cap does not bound one cell: a cell of 100 MB is cut to its first 10,000 characters
/// and its length, and the page stays small (issue 31).
#[test]
fn a_cell_of_a_hundred_megabytes_is_cut_on_the_sql_page() {
    let w = Workdir::new();
    let server = serve(&w, &[]);
    let reply = get(&server, "/sql?q=SELECT+repeat(%27x%27%2C+100000000)+AS+big%2C+%27kısa%27+AS+small");
    assert_eq!(reply.status, 200);
    let page = reply.text();
    assert!(page.len() < 100_000, "the page is {} bytes", page.len());
    assert!(page.contains(&format!("{}… (100000000 characters)", "x".repeat(10_000))), "the cell is cut where it says");
    assert!(page.contains(">kısa<"), "short cells are whole");
}

#[test]
fn the_sql_page_reads_and_nothing_else() {
    let w = Workdir::new();
    let server = serve(&w, &[]);
    let count = get(&server, "/sql?q=SELECT+count(*)+AS+n+FROM+provinces");
    assert_eq!(count.status, 200);
    assert!(count.text().contains("<td class=\"num\">81</td>"), "{}", count.text());
    let before = w.csv(&["sql", "SELECT count(*) FROM exports"]);
    for (sql, expected) in [
        ("DELETE+FROM+exports", "only a statement that returns rows"),
        ("SELECT+1%3B+SELECT+2", "one statement at a time"),
        ("SELECT+*+FROM+read_csv(%27%2Fetc%2Fpasswd%27)", "disabled"),
        ("WITH+d+AS+(DELETE+FROM+exports+RETURNING+*)+SELECT+*+FROM+d", ""),
        ("SET+enable_external_access%3Dtrue", "only a statement that returns rows"),
        ("SELECT+*+FROM+glob(%27%2F*%27)", ""),
    ] {
        // In English: the page says ihracat's refusals in the reader's language.
        let reply = get(&server, &format!("/sql?q={sql}&lang=en"));
        assert_eq!(reply.status, 400, "{sql}: {}", reply.text());
        assert!(reply.text().contains(expected), "{sql}: {}", reply.text());
    }
    assert_eq!(w.csv(&["sql", "SELECT count(*) FROM exports"]), before, "nothing changed");
    // DuckDB's error about a mistyped column, in Turkish (written here by hand), line by line in a
    // <pre>, so that the caret stays under the word.
    let reply = get(&server, "/sql?q=SELECT+provnce+FROM+exports&lang=tr");
    assert_eq!(reply.status, 400);
    let page = reply.text();
    assert!(page.contains("<pre class=\"error\" role=\"alert\">Bağlama hatası: FROM'daki tablolarda &quot;provnce&quot; sütunu yok\nOlası sütunlar: "), "{page}");
    assert!(page.contains("\nSATIR 1: SELECT provnce FROM exports\n                ^^^^^^^</pre>"), "{page}");
    drop(server);
    // --quiet keeps the address line, and --no-sql closes the page.
    let no_sql = serve(&w, &["--quiet"]);
    drop(no_sql);
    let mut args = vec!["--quiet"];
    args.push("--queries");
    let dir = w.path("none");
    std::fs::create_dir_all(&dir).unwrap();
    args.push(dir.to_str().unwrap());
    let no_sql = serve_with(&w, &args, &["--no-sql"]);
    assert_eq!(get(&no_sql, "/sql?q=SELECT+1").status, 404);
}

#[test]
fn a_load_in_another_process_goes_ahead_while_clients_read_and_the_next_answer_shows_it() {
    let w = Workdir::new();
    let server = serve(&w, &[]);
    let path = "/q/province_profile.json?province=Kocaeli&year=2025";
    let before: serde_json::Value = serde_json::from_slice(&get(&server, path).body).unwrap();
    assert_eq!(before["rows"][9]["value_usd"].as_f64(), Some(3_019_000_000.0), "October as the release stated it");
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::time::Instant;
    let (stop, answered) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicUsize::new(0)));
    let port = server.port;
    let clients: Vec<_> = (0..8)
        .map(|i| {
            let (stop, answered) = (stop.clone(), answered.clone());
            std::thread::spawn(move || {
                let mut answers = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let path = if i % 2 == 0 { "/q/province_profile.json?province=Kocaeli&year=2025" } else { "/q/top_provinces.json?year=2025&month=10" };
                    let asked = Instant::now();
                    let reply = get_port(port, path, &[]);
                    answers.push((asked, Instant::now(), reply.status, reply.body));
                    answered.fetch_add(1, Ordering::Relaxed);
                }
                answers
            })
        })
        .collect();
    // Clients are reading (eight answers in) before the load starts, and keep reading (eight more)
    // after it ends: bounded waits for results, not sleeps.
    let wait_for = |count: usize| {
        let deadline = Instant::now() + std::time::Duration::from_secs(60);
        while answered.load(Ordering::Relaxed) < count && Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        answered.load(Ordering::Relaxed)
    };
    assert!(wait_for(8) >= 8, "the clients never got going");
    let file = w.write("kocaeli.csv", "il,yıl,ay,ihracat (usd)\nKocaeli,2025,10,3100000000\n");
    let load_started = Instant::now();
    let load = w.command(&["load", file.to_str().unwrap(), "--basis", "activity"]).output().unwrap();
    let load_ended = Instant::now();
    assert!(load.status.success(), "the load goes ahead: {}", String::from_utf8_lossy(&load.stderr));
    let after_load = answered.load(Ordering::Relaxed);
    assert!(wait_for(after_load + 8) >= after_load + 8, "the clients stopped getting answers after the load");
    stop.store(true, Ordering::Relaxed);
    let (mut overlapping, mut before_load, mut after_load_ended) = (0, 0, 0);
    for client in clients {
        for (asked, got, status, body) in client.join().unwrap() {
            // Every answer is a whole, correct one: or, while the load holds the file, a clear 503.
            match status {
                200 => {
                    let value: serde_json::Value = serde_json::from_slice(&body).expect("whole JSON");
                    assert!(value["rows"].is_array());
                }
                503 => assert!(String::from_utf8_lossy(&body).contains("in use"), "{}", String::from_utf8_lossy(&body)),
                other => panic!("status {other}: {}", String::from_utf8_lossy(&body)),
            }
            before_load += usize::from(got < load_started);
            after_load_ended += usize::from(asked > load_ended);
            overlapping += usize::from(asked < load_ended && got > load_started);
        }
    }
    assert!(before_load >= 8 && after_load_ended >= 1, "answers before the load: {before_load}, after it: {after_load_ended}");
    // Clients were asking while the load ran: requests overlapped it.
    assert!(overlapping >= 1, "no request overlapped the load");
    let after: serde_json::Value = serde_json::from_slice(&get(&server, path).body).unwrap();
    assert_eq!(after["rows"][9]["value_usd"].as_f64(), Some(3_100_000_000.0), "the next answer has the loaded value");
    assert_eq!(after["rows"][9]["origin"], "loaded");
}

#[test]
fn a_query_over_its_time_limit_is_stopped_and_the_others_still_answer() {
    let w = Workdir::new();
    w.write("q/slow.sql", "--- summary  Runs for hours\nSELECT sum(hash(i)) AS h FROM range(1000000000000) t(i)\n");
    let dir = w.path("q");
    let server = serve_with(&w, &["--queries", dir.to_str().unwrap()], &["--time-limit", "0.5"]);
    let port = server.port;
    let slow = std::thread::spawn(move || get_port(port, "/q/slow.json", &[]));
    // While it runs, another analysis answers.
    let other = get(&server, "/q/top_provinces.json?year=2025&month=10");
    assert_eq!(other.status, 200);
    let slow = slow.join().unwrap();
    assert_eq!(slow.status, 503, "{}", slow.text());
    assert!(slow.text().contains("the query ran longer than 0.5 s and was stopped"), "{}", slow.text());
    let page = get(&server, "/q/slow");
    assert_eq!(page.status, 503);
    assert!(page.text().contains("sn'den uzun sürdü ve durduruldu"), "{}", page.text());
    assert!(get(&server, "/q/slow?lang=en").text().contains("was stopped"));
}

#[test]
fn a_provinces_page_shows_both_bases_side_by_side_and_never_adds_them() {
    let w = Workdir::new();
    let server = serve(&w, &[]);
    // Tekirdağ published figures on both bases in 2025 (the Ministry's and TİM's).
    let page = get(&server, "/province/tekirdag?year=2025").text();
    assert!(page.contains("<h1>Tekirdağ · 2025</h1>"), "any spelling resolves");
    assert!(page.contains("Faaliyet iline göre (Ticaret Bakanlığı)") && page.contains("kayıtlı olduğu ile göre"));
    assert_eq!(page.matches("class=\"series\"").count(), 2, "a line on each basis");
    let (activity, registered) = page.split_at(page.find("kayıtlı olduğu ile göre").unwrap());
    let run = |basis: &str| w.csv(&["run", "province_profile", "-p", "province=Tekirdağ", "-p", "year=2025", "-p", &format!("basis={basis}")]);
    let values = |rows: Vec<Vec<String>>| -> Vec<String> { rows[1..].iter().map(|r| r[1].clone()).filter(|v| !v.is_empty()).collect() };
    // Release figures in whole dollars: grouped the Turkish way, with no cents no release printed.
    for value in values(run("activity")) {
        let (whole, cents) = value.split_once('.').unwrap();
        assert_eq!(cents, "00", "{value} is a release figure in whole dollars");
        let whole = whole.as_bytes().rchunks(3).rev().map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(".");
        assert!(activity.contains(&format!(">{whole}<")), "activity {value} on the activity side");
    }
    assert!(!values(run("registered")).is_empty());
    assert!(registered.contains(">237.923.000<"));
    // A province without a figure on a basis says so instead of showing zeros.
    let bolu = get(&server, "/province/Bolu?year=2025").text();
    assert!(bolu.contains("Bu esasta bu yıl için yayımlanmış ya da yüklenmiş rakam yok."));
    assert_eq!(get(&server, "/province/Atlantis").status, 400);
    // Province names in result tables link to their pages.
    assert!(get(&server, "/q/top_provinces?year=2025&month=10").text().contains("href=\"/province/%C4%B0stanbul?lang=tr\""));
}

/// No request changes the engine for the next one (issue 31): `SET GLOBAL` behind DuckDB's nested
/// comments is refused, the configuration is locked anyway, and every page answers as before.
#[test]
fn a_sql_request_cannot_change_the_engine_for_the_next() {
    let w = Workdir::new();
    let server = serve(&w, &[]);
    let before = get(&server, "/q/top_provinces.csv?year=2025&month=10&n=5");
    assert_eq!(before.status, 200);
    for attack in [
        "%2F*+%2F*+*%2F+SELECT+*%2F+SET+GLOBAL+memory_limit%3D%271MB%27",
        "%2F*+%2F*+*%2F+SELECT+*%2F+SET+GLOBAL+threads%3D1",
        "%2F*+%2F*+*%2F+SELECT+*%2F+SET+lock_configuration%3Dfalse",
        "%2F*+%2F*+*%2F+SELECT+*%2F+CREATE+TABLE+memory.main.junk+AS+SELECT+1",
        "SELECT+1%3B+SET+GLOBAL+memory_limit%3D%271MB%27",
    ] {
        let reply = get(&server, &format!("/sql?q={attack}"));
        assert_eq!(reply.status, 400, "{attack}: {}", reply.text());
    }
    for page in ["/", "/q/top_provinces?year=2025&month=10", "/report/2025/10"] {
        assert_eq!(get(&server, page).status, 200, "{page}");
    }
    let after = get(&server, "/q/top_provinces.csv?year=2025&month=10&n=5");
    assert_eq!(after.text(), before.text());
    let sql = get(&server, "/sql?q=SELECT+count(*)+AS+n+FROM+exports");
    assert_eq!(sql.status, 200);
}

/// The home page's map and the report's charts download as the query pages' charts do: SVG, and
/// PNG at the named sizes, each link answering with the picture.
#[test]
fn the_home_map_and_the_report_charts_have_download_links_that_answer() {
    let w = Workdir::new();
    let server = common::serve_with(&w, &[], &[]);
    let home = get(&server, "/?lang=tr").text();
    let latest = home.split("/q/period_exports.svg?").nth(1).expect("the home page links its map's SVG");
    let address = format!("/q/period_exports.svg?{}", &latest[..latest.find('"').unwrap()]).replace("&amp;", "&");
    let svg = get(&server, &address);
    assert_eq!((svg.status, svg.headers["content-type"].as_str()), (200, "image/svg+xml"), "{address}");
    assert!(svg.text().contains("<svg"), "{address}");
    assert!(home.contains("size=print"), "and PNG sizes");

    // October 2025 has a top list, a list of increases and a map (`ihracat report`).
    let report = get(&server, "/report/2025/10?lang=en").text();
    assert!(report.contains("Download the charts"), "{report}");
    for (name, extra) in [("top_provinces", "&amp;n=5"), ("top_increases", "&amp;n=5"), ("period_exports", "")] {
        let link = format!("/q/{name}.png?year=2025&amp;month=10&amp;basis=activity{extra}&amp;size=web&amp;lang=en");
        assert!(report.contains(&link), "{link} in the report");
        let png = get(&server, &link.replace("&amp;", "&"));
        assert_eq!((png.status, png.headers["content-type"].as_str()), (200, "image/png"), "{link}");
        assert_eq!(&png.body[1..4], b"PNG");
    }
    // September 2024's increases cannot be listed (three provinces in both years, no release's
    // list): no link to a chart the report does not draw.
    let report = get(&server, "/report/2024/9?lang=tr").text();
    assert!(report.contains("Grafikleri indir") && report.contains("/q/top_provinces.svg?year=2024&amp;month=9"), "{report}");
    assert!(!report.contains("/q/top_increases."), "{report}");
}

/// A request's connection, and the analysis it prepared, are kept for the next request (issue
/// 33). With no answer cache, the same analyses asked again and again with other parameters,
/// between a query DuckDB refuses and one stopped at its time limit, answer exactly as `ihracat
/// run` does in a process of its own.
#[test]
fn a_kept_connection_answers_the_next_request_as_a_fresh_one_would() {
    let w = Workdir::new();
    w.write("q/refuses.sql", "--- summary  Refuses when asked to\n--- param x int\nSELECT CASE WHEN $x > 0 THEN error('refused on purpose') ELSE 1 END AS v\n");
    w.write("q/slow.sql", "--- summary  Runs for hours\nSELECT sum(hash(i)) AS h FROM range(1000000000000) t(i)\n");
    let dir = w.path("q");
    let server = serve_with(&w, &["--queries", dir.to_str().unwrap()], &["--no-cache", "--time-limit", "0.5"]);
    let asked = [
        ("top_provinces", vec!["year=2025", "month=10", "n=5"]),
        ("top_provinces", vec!["year=2025", "month=9", "period=ytd", "n=3"]),
        ("province_profile", vec!["province=Bursa", "year=2025"]),
        ("province_profile", vec!["province=Kocaeli", "year=2024"]),
        ("top_provinces", vec!["year=2024", "month=12", "period=year"]),
    ];
    let expected: Vec<String> = asked
        .iter()
        .map(|(name, args)| {
            let mut run = vec!["run", name, "--format", "csv"];
            for arg in args {
                run.extend(["-p", arg]);
            }
            let out = w.command(&run).output().unwrap();
            assert!(out.status.success(), "{name} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
            String::from_utf8(out.stdout).unwrap()
        })
        .collect();
    for round in 0..3 {
        for ((name, args), expected) in asked.iter().zip(&expected) {
            let reply = get(&server, &format!("/q/{name}.csv?{}", args.join("&")));
            assert_eq!(reply.status, 200, "round {round}, {name} {args:?}: {}", reply.text());
            assert_eq!(&reply.text(), expected, "round {round}, {name} {args:?}");
        }
        let refused = get(&server, "/q/refuses.json?x=1");
        assert_eq!(refused.status, 422, "{}", refused.text());
        assert!(refused.text().contains("refused on purpose"), "{}", refused.text());
        assert_eq!(get(&server, "/q/refuses.csv?x=0").text(), "v\n1\n", "the same statement with another value");
        assert_eq!(get(&server, "/q/slow.json").status, 503);
    }
}
