"""Runs the benchmark cases (see bench/run) and writes BENCHMARKS.md. Every case times ihracat
and its reference on the same files in the same run with hyperfine (warm-up, then several runs;
median and spread), and measures each side's peak memory once with GNU time."""
import argparse, csv as csvmod, datetime, glob, io, json, os, platform, re, shlex, shutil, socket, sqlite3, subprocess, sys, tempfile, time

p = argparse.ArgumentParser()
p.add_argument("--scale", choices=["tiny", "small", "full"], default="small")
p.add_argument("--ihracat", required=True)
p.add_argument("--floor", required=True)
p.add_argument("--venv", required=True)
p.add_argument("--out", default="BENCHMARKS.md")
a = p.parse_args()

SCALES = {  # rows of the detail table, rows exported, hyperfine runs
    "tiny": dict(rows=20_000, export=20_000, stdout=20_000, runs=2),
    "small": dict(rows=1_000_000, export=1_000_000, stdout=1_000_000, runs=5),
    "full": dict(rows=10_000_000, export=50_000_000, stdout=1_000_000, runs=3),
}[a.scale]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = tempfile.mkdtemp(prefix="ihracat-bench-")
py = os.path.join(a.venv, "bin", "python")
cli = (glob.glob(os.path.join(a.venv, "lib", "python*", "site-packages", "duckdb_cli", "**", "duckdb"), recursive=True) + [shutil.which("duckdb", path=os.path.join(a.venv, "bin")) or ""])[0]
ih = lambda db, args: f"{shlex.quote(a.ihracat)} --quiet --db {shlex.quote(db)} {args}"
env = dict(os.environ, NO_COLOR="1", XDG_CACHE_HOME=os.path.join(work, "cache"))
results = []


def sh(cmd):
    subprocess.run(cmd, shell=True, check=True, env=env, stdout=subprocess.DEVNULL)


def peak_mb(cmd, prepare=None):
    if prepare:
        sh(prepare)
    out = subprocess.run(f"/usr/bin/time -f %M sh -c {shlex.quote(cmd + ' > /dev/null')}", shell=True, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"failed: {cmd}\n{out.stderr}")
    return int(out.stderr.strip().splitlines()[-1]) / 1024


def case(name, what, sides, prepare=None, rows=None, quick=False):
    """sides: [(label, command)], the first is ihracat. A quick case (well under a second a run)
    gets more runs, so that a few milliseconds of noise do not move its median."""
    export = os.path.join(work, f"{name}.json")
    runs = max(SCALES["runs"], 10) if quick and a.scale != "tiny" else SCALES["runs"]
    cmd = ["hyperfine", "--style", "none", "--warmup", "1", "--runs", str(runs), "--export-json", export]
    if prepare:
        cmd += ["--prepare", prepare]
    for label, command in sides:
        cmd += ["-n", label, command + " > /dev/null"]
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    timings = json.load(open(export))["results"]
    for (label, command), t in zip(sides, timings):
        times = sorted(t["times"])
        results.append(dict(case=name, what=what, side=label, median=t["median"], low=times[0], high=times[-1],
                            peak=peak_mb(command, prepare), rows=rows, runs=runs))
    print(f"{name} ({what}): " + ", ".join(f"{r['side']} {r['median']:.3f}s" for r in results if (r["case"], r["what"]) == (name, what)), flush=True)


# The data: synthetic, labelled, generated once per scale.
data = os.path.join(work, "data")
sh(ih(":memory:", f"generate --rows {SCALES['rows']} --seed 42 --to {data}"))
csv = os.path.join(data, f"synthetic-detail-{SCALES['rows']}-seed42.csv")
parquet = os.path.join(data, f"synthetic-detail-{SCALES['rows']}-seed42.parquet")
big = parquet
if SCALES["export"] > SCALES["rows"]:
    sh(ih(":memory:", f"generate --rows {SCALES['export']} --seed 42 --to {data} --format parquet"))
    big = os.path.join(data, f"synthetic-detail-{SCALES['export']}-seed42.parquet")
db_load = os.path.join(work, "load.duckdb")
ref_db = os.path.join(work, "reference.duckdb")
fresh = f"rm -f {db_load} {db_load}.wal {ref_db} {ref_db}.wal && {ih(db_load, 'provinces')}"

def floor(db, mode, sql, params=None):
    """The floor program (examples/floor.rs): the duckdb crate alone, in a process like ihracat's."""
    args = " ".join(shlex.quote(f"{k}={'null' if v is None else v}") for k, v in (params or {}).items())
    return f"{shlex.quote(a.floor)} {shlex.quote(db)} {mode} {shlex.quote(sql)} {args}"


def python_duckdb(code):
    return f"{py} -c " + shlex.quote("import duckdb; " + code)


# 1. Loads: the same file into a table, by ihracat and by DuckDB itself (in a process like
# ihracat's, and from Python).
def load_case(name, what, path, reader, args):
    create = f"CREATE TABLE t AS SELECT * FROM {reader}"
    case(name, what, [
        ("ihracat load", ih(db_load, f"load {path} {args}")),
        (f"floor (duckdb crate) CREATE TABLE AS {reader.split('(')[0]}", floor(ref_db, "exec", create)),
        (f"duckdb (Python) CREATE TABLE AS {reader.split('(')[0]}", python_duckdb(f"duckdb.connect({ref_db!r}).execute({create!r})")),
    ], prepare=fresh, rows=SCALES["rows"] if "detail" in what else None)


load_case("load CSV", f"{SCALES['rows']:,}-row detail CSV", csv, f"read_csv('{csv}', skip=1, header=true)", "--basis activity --complete")
load_case("load Parquet", f"{SCALES['rows']:,}-row detail Parquet", parquet, f"read_parquet('{parquet}')", "--basis activity --complete")
wide = os.path.join(data, "wide.csv")
# Written by the floor program: ihracat's ad-hoc SQL does not write files.
sh(floor(":memory:", "exec",
    f"COPY (PIVOT (SELECT il, format('{{}}-{{}}', yil, lpad(ay::VARCHAR, 2, '0')) AS period, sum(deger_usd) AS v FROM read_csv('{csv}', skip=1, header=true) GROUP BY ALL) ON period USING sum(v) ORDER BY il) TO '{wide}' (HEADER)"))
load_case("load wide table", "province totals, a column per month", wide, f"read_csv('{wide}')", "--basis activity")

# The database the queries and exports read: the CSV loaded once, as a complete table.
db = os.path.join(work, "bench.duckdb")
sh(ih(db, f"load {csv} --basis activity --complete"))
# The generated months start in January 2000: tiny holds one month, small about nine, full nine years.
year = 2001 if a.scale == "full" else 2000
month = 1 if a.scale == "tiny" else 6
period = "month" if a.scale == "tiny" else "ytd"


def catalog_sql(name):
    path = glob.glob(os.path.join(ROOT, "sql", "**", f"{name}.sql"), recursive=True)[0]
    return open(path, encoding="utf-8").read()




queries = [
    ("top_destinations", f"-p province=34 -p year={year} -p month={month} -p period={period}", dict(province=34, year=year, month=month, n=10, period=period, basis="activity")),
    ("product_growth", f"-p product=87 -p year={year} -p month={month}", dict(product="87", year=year, month=month, period="month", basis="activity")),
    ("province_specialisation", f"-p year={year} -p month={month}", dict(product=None, year=year, month=month, period="month", basis="activity")),
]
if a.scale == "full":  # new markets need the same month a year earlier, complete
    queries.append(("new_markets", f"-p province=16 -p year={year} -p month={month}", dict(province=16, year=year, month=month, period="month", basis="activity")))
for name, args, params in queries:
    case(f"query {name}", f"on {SCALES['rows']:,} detail rows", [
        (f"ihracat run {name}", ih(db, f"run {name} {args} --format csv")),
        ("floor (duckdb crate), same SQL and parameters", floor(db, "csv", catalog_sql(name), params)),
        ("duckdb (Python), same SQL and parameters",
         python_duckdb(f"duckdb.connect({db!r}, read_only=True).execute({catalog_sql(name)!r}, {params!r}).to_arrow_table()")),
    ], quick=True)

# 3. Exports: Parquet at every size the scale has (peak memory should not grow with the rows).
out = os.path.join(work, "out.parquet")
for rows, source in sorted({SCALES["rows"]: parquet, SCALES["export"]: big}.items()):
    copy = f"COPY (SELECT * FROM read_parquet('{source}')) TO '{out}.ref' (FORMAT parquet, COMPRESSION zstd)"
    case("export Parquet", f"{rows:,} rows", [
        ("ihracat export", ih(db, f"export --sql \"SELECT * FROM read_parquet('{source}')\" --to {out} --overwrite")),
        ("floor (duckdb crate) COPY TO", floor(db, "exec", copy)),
        ("duckdb (Python) COPY TO", python_duckdb(f"duckdb.connect().execute({copy!r})")),
    ], prepare=f"rm -rf {out} {out}.ref", rows=rows)
select = f"SELECT * FROM read_parquet('{parquet}') LIMIT {SCALES['stdout']}"
for fmt, cli_flag in [("csv", "-csv"), ("ndjson", "-jsonlines")]:
    sides = [
        (f"ihracat sql --format {fmt}", ih(db, f"sql {shlex.quote(select)} --format {fmt}")),
        ("floor (duckdb crate + arrow writer)", floor(db, fmt, select)),
    ]
    if cli:
        sides.append((f"DuckDB CLI 1.5 {cli_flag}", f"{shlex.quote(cli)} {cli_flag} -c {shlex.quote(select)}"))
    case(f"stdout {fmt}", f"{SCALES['stdout']:,} rows", sides, rows=SCALES["stdout"], quick=True)

# 4. Start-up: the bundled data, first result.
bundled = os.path.join(work, "bundled.duckdb")
sh(ih(bundled, "provinces"))
sides = [
    ("ihracat run top_provinces", ih(bundled, "run top_provinces -p year=2025 -p month=10 -p n=5 --format csv")),
    ("floor (duckdb crate), same SQL and parameters",
     floor(bundled, "csv", catalog_sql("top_provinces"), dict(year=2025, month=10, n=5, period="month", basis="activity"))),
]
if cli:
    sides.append(("DuckDB CLI 1.5: SELECT 42", f"{shlex.quote(cli)} -csv -c 'SELECT 42'"))
case("start-up", "bundled data, top_provinces", sides, quick=True)

# 4b. Charts: drawing a map of the 81 provinces beside the query it draws (the same run to CSV).
map_args = "top_provinces -p year=2025 -p month=10 -p n=81"
chart_dir = os.path.join(work, "charts")
os.makedirs(chart_dir, exist_ok=True)
case("chart map", "bundled data, top_provinces n=81", [
    ("ihracat chart --kind map, SVG", ih(bundled, f"chart {map_args} --kind map -o {chart_dir}/map.svg --overwrite")),
    ("ihracat run, the same query to CSV", ih(bundled, f"run {map_args} --format csv")),
    ("ihracat chart --kind map, PNG", ih(bundled, f"chart {map_args} --kind map -o {chart_dir}/map.png --overwrite")),
], quick=True)

# 5. pandas: the script a user would write, against a query on the loaded database.
pandas_query = f"""
import pandas as pd
df = pd.read_csv({csv!r}, skiprows=1, engine='pyarrow')
x = df[(df.il == 'İstanbul') & (df.yil == {year}) & (df.ay <= {month})]
print(x.groupby('ulke').deger_usd.sum().sort_values(ascending=False).head(10))
"""
case("pandas: top destinations ytd", "read the CSV and aggregate, against a query on loaded data", [
    ("ihracat run top_destinations", ih(db, f"run top_destinations -p province=34 -p year={year} -p month={month} -p period={period} --format csv")),
    ("pandas (pyarrow engine)", f"{py} -c {shlex.quote(pandas_query)}"),
], quick=True)
case("pandas read vs ihracat load", f"{SCALES['rows']:,}-row CSV", [
    ("ihracat load", ih(db_load, f"load {csv} --basis activity --complete")),
    ("pandas read_csv (pyarrow)", f"{py} -c " + shlex.quote(f"import pandas as pd; pd.read_csv({csv!r}, skiprows=1, engine='pyarrow')")),
], prepare=fresh, rows=SCALES["rows"])

# 6. The web server against Datasette: one analysis's JSON under 32 concurrent clients
# (ApacheBench), the same plain top-provinces SQL as a canned query on both sides (Datasette over
# the same figures in SQLite), and ihracat's own analysis beside it.
serve_results = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port, process):
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"a server stopped at start: {process.args}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"no server on port {port}")


def ab(label, url, requests):
    subprocess.run(["ab", "-q", "-n", "200", "-c", "8", url], check=True, env=env, capture_output=True)  # warm-up
    out = subprocess.run(["ab", "-q", "-n", str(requests), "-c", "32", url], check=True, env=env, capture_output=True, text=True).stdout
    grab = lambda pattern: re.search(pattern, out).group(1)
    non_2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    serve_results.append(dict(side=label, rps=float(grab(r"Requests per second:\s+([\d.]+)")), p50=int(grab(r"\n\s+50%\s+(\d+)")),
                              p99=int(grab(r"\n\s+99%\s+(\d+)")), failed=int(non_2xx.group(1)) if non_2xx else 0))
    print(f"serve: {label}: {serve_results[-1]}", flush=True)


simple_sql = ("SELECT p.name AS province, e.value_usd FROM exports e JOIN provinces p ON p.code = e.province_code "
              "WHERE e.year = {year} AND e.month = {month} AND e.basis = 'activity' ORDER BY e.value_usd DESC LIMIT {n}")
queries_dir = os.path.join(work, "serve-queries")
os.makedirs(queries_dir, exist_ok=True)
with open(os.path.join(queries_dir, "top_simple.sql"), "w", encoding="utf-8") as f:
    f.write("--- summary  The plain top-provinces SQL the Datasette side serves\n--- param year int\n--- param month int\n--- param n int = 5\n"
            + simple_sql.format(year="$year", month="$month", n="$n") + "\n")
sqlite_db = os.path.join(work, "ihracat.sqlite")
exports_csv = subprocess.run(ih(bundled, "sql \"SELECT province_code, year, month, basis, value_usd::DOUBLE AS value_usd FROM exports\" --format csv"),
                             shell=True, check=True, env=env, capture_output=True, text=True).stdout
provinces_csv = subprocess.run(ih(bundled, "provinces --format csv"), shell=True, check=True, env=env, capture_output=True, text=True).stdout
con = sqlite3.connect(sqlite_db)
con.execute("CREATE TABLE exports (province_code INTEGER, year INTEGER, month INTEGER, basis TEXT, value_usd REAL)")
con.executemany("INSERT INTO exports VALUES (?, ?, ?, ?, ?)", list(csvmod.reader(io.StringIO(exports_csv)))[1:])
con.execute("CREATE TABLE provinces (code INTEGER PRIMARY KEY, name TEXT)")
con.executemany("INSERT INTO provinces VALUES (?, ?)", [r[:2] for r in list(csvmod.reader(io.StringIO(provinces_csv)))[1:]])
con.execute("CREATE INDEX exports_period ON exports (year, month, basis)")
con.commit()
con.close()
metadata = os.path.join(work, "metadata.json")
json.dump({"databases": {"ihracat": {"queries": {"top_provinces": {"sql": simple_sql.format(year=":year", month=":month", n=":n")}}}}}, open(metadata, "w"))
requests_n = {"tiny": 500, "small": 3000, "full": 10000}[a.scale]
args_qs = "year=2025&month=10&n=5"
for cache in [True, False]:
    port = free_port()
    flags = [] if cache else ["--no-cache"]
    server = subprocess.Popen([a.ihracat, "--quiet", "--db", bundled, "--queries", queries_dir, "serve", "--port", str(port)] + flags,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port, server)
        how = "answers kept until the data changes" if cache else "--no-cache: every request runs its query"
        ab(f"ihracat serve, the same SQL as a named query ({how})", f"http://127.0.0.1:{port}/q/top_simple.json?{args_qs}", requests_n)
        ab(f"ihracat serve, the top_provinces analysis ({how})", f"http://127.0.0.1:{port}/q/top_provinces.json?{args_qs}", requests_n)
    finally:
        server.terminate()
        server.wait()
port = free_port()
datasette = subprocess.Popen([os.path.join(a.venv, "bin", "datasette"), "serve", sqlite_db, "-m", metadata, "-p", str(port), "--setting", "num_sql_threads", "3"],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    wait_for(port, datasette)
    ab("Datasette, the same SQL as a canned query (SQLite)", f"http://127.0.0.1:{port}/ihracat/top_provinces.json?{args_qs}", requests_n)
    ab("Datasette, the canned query as an HTML page", f"http://127.0.0.1:{port}/ihracat/top_provinces?{args_qs}", requests_n)
finally:
    datasette.terminate()
    datasette.wait()


# 7. The assistant interface (MCP): a thousand sequential tool calls of top_provinces over stdio
# against as many `ihracat run` processes for the same answer (what a call saves is the process
# start), and tool calls over streamable HTTP at 32 concurrent clients (ApacheBench, one session)
# beside Datasette's JSON above.
mcp_results = []
calls_n = {"tiny": 50, "small": 1000, "full": 1000}[a.scale]
call_args = {"year": 2025, "month": 10, "n": 5}
INIT = {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}}
CALL = lambda i: {"jsonrpc": "2.0", "id": i, "method": "tools/call", "params": {"name": "top_provinces", "arguments": call_args}}


def spread(label, seconds):
    ordered = sorted(seconds)
    at = lambda q: ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] * 1000
    mcp_results.append(dict(side=label, n=len(ordered), p50=at(0.5), p99=at(0.99)))
    print(f"mcp: {label}: {mcp_results[-1]}", flush=True)


server = subprocess.Popen([a.ihracat, "--quiet", "--db", bundled, "mcp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True, bufsize=1)


def rpc(message, wait=True):
    server.stdin.write(json.dumps(message) + "\n")
    server.stdin.flush()
    while wait:
        answer = json.loads(server.stdout.readline())
        if answer.get("id") == message["id"]:
            if answer.get("result", {}).get("isError"):
                raise SystemExit(f"the tool call failed: {answer}")
            return answer


rpc(INIT)
rpc({"jsonrpc": "2.0", "method": "notifications/initialized"}, wait=False)
for i in range(10):  # warm-up: the engine opens on the first call
    rpc(CALL(1000 + i))
times = []
for i in range(calls_n):
    started = time.perf_counter()
    rpc(CALL(i + 1))
    times.append(time.perf_counter() - started)
server.stdin.close()
server.wait()
spread("ihracat mcp (stdio), a tool call of top_provinces", times)
run_cmd = [a.ihracat, "--quiet", "--db", bundled, "run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=5", "--format", "json"]
times = []
for i in range(calls_n):
    started = time.perf_counter()
    subprocess.run(run_cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - started)
spread("ihracat run top_provinces --format json, a process each", times)

port = free_port()
server = subprocess.Popen([a.ihracat, "--quiet", "--db", bundled, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    import urllib.request
    wait_for(port, server)
    url = f"http://127.0.0.1:{port}/mcp"
    headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
    with urllib.request.urlopen(urllib.request.Request(url, json.dumps(INIT).encode(), headers)) as reply:
        session = reply.headers.get("Mcp-Session-Id")
        reply.read()
    headers.update({"Mcp-Session-Id": session, "MCP-Protocol-Version": "2025-06-18"})
    urllib.request.urlopen(urllib.request.Request(url, json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}).encode(), headers)).read()
    # 32 clients, each its own session and connection, calling one after another with ids of
    # their own (as an assistant does; ApacheBench cannot vary the request id).
    import http.client, threading
    def client(results, stop_at):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        def post(message, session=None):
            hdrs = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
            if session:
                hdrs.update({"Mcp-Session-Id": session, "MCP-Protocol-Version": "2025-06-18"})
            connection.request("POST", "/mcp", json.dumps(message), hdrs)
            reply = connection.getresponse()
            text = reply.read().decode()
            return reply, text
        reply, _ = post(INIT)
        session = reply.getheader("Mcp-Session-Id")
        post({"jsonrpc": "2.0", "method": "notifications/initialized"}, session)
        i = 0
        while time.perf_counter() < stop_at:
            i += 1
            started = time.perf_counter()
            reply, text = post(CALL(i), session)
            results.append((time.perf_counter() - started, reply.status == 200 and '"isError":false' in text))
    seconds = {"tiny": 3, "small": 15, "full": 30}[a.scale]
    warm = []
    client(warm, time.perf_counter() + 1)
    calls = []
    stop_at = time.perf_counter() + seconds
    threads = [threading.Thread(target=client, args=(calls, stop_at)) for _ in range(32)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    latencies = sorted(r[0] for r in calls)
    at = lambda q: int(round(latencies[min(len(latencies) - 1, int(round(q * (len(latencies) - 1))))] * 1000))
    serve_results.append(dict(side="ihracat serve /mcp (streamable HTTP), a tool call of top_provinces (32 sessions from Python threads, not ApacheBench)", rps=len(calls) / elapsed,
                              p50=at(0.5), p99=at(0.99), failed=sum(1 for r in calls if not r[1])))
    print(f"serve: {serve_results[-1]}", flush=True)
finally:
    server.terminate()
    server.wait()

# 8. The analyses on the bundled data (issue 33): every shipped query's first example, the
# preparing and running phases IHRACAT_TIMINGS reports (the fastest of several runs), against the
# same answer by the simplest SQL, a plain ranking over `exports` run the same way as a user's
# named query; then the same on a database with a complete panel (81 provinces × 20 years × 12
# months of SYNTHETIC values, labelled) loaded over the bundled data.
analysis_results = []
plain_dir = os.path.join(work, "plain-queries")
os.makedirs(plain_dir, exist_ok=True)
with open(os.path.join(plain_dir, "plain_ranking.sql"), "w", encoding="utf-8") as f:
    f.write("--- summary  The plain ranking over exports: the reference of the analyses' case\n"
            "--- returns  province_code int, value_usd decimal, rank bigint\n"
            "SELECT province_code, sum(value_usd) AS value_usd, rank() OVER (ORDER BY sum(value_usd) DESC) AS rank\n"
            "FROM exports GROUP BY 1 ORDER BY 2 DESC LIMIT 10\n")
timing_runs = {"tiny": 3, "small": 7, "full": 11}[a.scale]


def run_ms(db, name, example):
    """One prepare + run of `ihracat run NAME` with the example's parameters, in ms."""
    args = [a.ihracat, "--db", db, "--queries", plain_dir, "run", name] + [x for p in example.split() for x in ("-p", p)] + ["--format", "csv"]
    out = subprocess.run(args, env=dict(env, IHRACAT_TIMINGS="1"), capture_output=True, text=True)
    phases = dict((m.group(1), float(m.group(2))) for m in re.finditer(r"timing: (.*?): ([0-9.]+) s", out.stderr))
    return 1000 * (phases.get("preparing the query", 0) + phases.get("running the query", 0))


def fastest_ms(db, queries):
    """The fastest prepare + run of each (name, example), the runs interleaved round by round, so
    that a slow moment of the machine falls on every query alike and not on the reference alone."""
    best = {}
    for _ in range(timing_runs):
        for query in queries:
            ms = run_ms(db, *query)
            best[query] = min(best.get(query, ms), ms)
    return best


panel_db = os.path.join(work, "panel.duckdb")
shutil.copy(bundled, panel_db)
panel_csv = os.path.join(work, "synthetic-panel.csv")
with open(panel_csv, "w", encoding="utf-8") as f:
    f.write("province,year,month,value_usd\n")
    state = 42
    for code in range(1, 82):
        for year in range(2006, 2026):
            for month in range(1, 13):
                state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
                f.write(f"{code},{year},{month},{1_000_000 + state % 900_000_000}\n")
sh(ih(panel_db, f"load {shlex.quote(panel_csv)} --basis activity"))
listing = json.loads(subprocess.run([a.ihracat, "--db", bundled, "queries", "--format", "json"], env=env, capture_output=True, text=True, check=True).stdout)
def engine_ms(db):
    """The plain ranking in DuckDB's Python client of the same release: the first query on a fresh
    read-only connection (what one `ihracat run` process asks of the engine), the fastest of 11."""
    import duckdb
    sql = open(os.path.join(plain_dir, "plain_ranking.sql"), encoding="utf-8").read().split("\n", 2)[2]
    best = None
    for _ in range(11):
        conn = duckdb.connect(db, read_only=True)
        start = time.perf_counter()
        conn.execute(sql).fetchall()
        ms = 1000 * (time.perf_counter() - start)
        conn.close()
        best = ms if best is None else min(best, ms)
    return best


engine_results = []
for db, data in [(bundled, "bundled data"), (panel_db, "complete panel, 81 × 20 years × 12 months (synthetic)")]:
    examples = []
    for q in listing:
        shown = json.loads(subprocess.run([a.ihracat, "--db", db, "queries", "show", q["name"], "--format", "json"], env=env, capture_output=True, text=True, check=True).stdout)
        examples.append((q["name"], (shown.get("examples") or [""])[0]))
    best = fastest_ms(db, [("plain_ranking", "")] + examples)
    reference = best[("plain_ranking", "")]
    engine_results.append((data, reference, engine_ms(db)))
    for name, example in examples:
        analysis_results.append(dict(data=data, name=name, example=example, ms=best[(name, example)], reference=reference))
    print(f"analyses ({data}): reference {reference:.1f} ms, median ratio "
          f"{sorted(r['ms'] / r['reference'] for r in analysis_results if r['data'] == data)[len(listing) // 2]:.1f}", flush=True)


# BENCHMARKS.md
def version(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, env=env).stdout.strip().splitlines()[0]
    except Exception:
        return "?"

commit = version("git rev-parse --short HEAD")
cpu = version("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
engine = version(a.ihracat + ' --db :memory: sql "SELECT version()" --format tsv | tail -1')
py_duckdb = version(py + ' -c "import duckdb; print(duckdb.__version__)"')
cli_version = version(shlex.quote(cli) + " -version") if cli else "not found"
pandas_version = version(py + ' -c "import pandas; print(pandas.__version__)"')
memory_gib = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
lines = [
    "# Benchmarks",
    "",
    f"Generated by `bench/run --scale {a.scale}` on {datetime.date.today()} at commit {commit}. Reproduce with the same command; "
    "it installs what it needs (hyperfine, and a virtual environment with duckdb, duckdb-cli, pandas and pyarrow beside the build cache).",
    "",
    f"- Machine: {os.cpu_count()} cores ({cpu}), {memory_gib} GiB, {platform.system()} {platform.release()}.",
    f"- ihracat `--release` with the duckdb crate's DuckDB {engine}; Python duckdb {py_duckdb}; DuckDB CLI {cli_version}; pandas {pandas_version}.",
    "- Data: SYNTHETIC detail tables from `ihracat generate --seed 42` (province × country × chapter × month, skewed like real trade), never real figures.",
    f"- Each case: one warm-up, then {SCALES['runs']} runs (hyperfine), or {max(SCALES['runs'], 10) if a.scale != 'tiny' else SCALES['runs']} for the quick ones (queries, stdout, start-up, pandas); median, with the fastest and slowest run; peak memory (GNU time, maximum RSS) of one more run. "
    "Loads use ihracat's default 700 MB DuckDB memory limit; the references use DuckDB's default.",
    "- Same engine where it counts: the floor program (`examples/floor.rs`) is the duckdb crate itself, run as a process just as ihracat is "
    "(open the same database, run the same SQL with the same bound parameters, write the Arrow batches), so its ratio is ihracat's own cost; "
    "Python `duckdb` is the same DuckDB release, but its rows include the interpreter's start-up and `import duckdb` (about 0.1 s). "
    "The DuckDB CLI on PyPI is an older release (1.5) whose database files 2.0 cannot share, so its rows are context; pandas is the workflow users would otherwise write.",
    "",
    "| case | input | side | median s | fastest–slowest s | peak MB | ratio to ihracat |",
    "|---|---|---|---:|---:|---:|---:|",
]
for r in results:
    first = next(x for x in results if (x["case"], x["what"]) == (r["case"], r["what"]))
    ratio = "" if r is first else f"{first['median'] / r['median']:.2f}×"
    lines.append(f"| {r['case']} | {r['what']} | {r['side']} | {r['median']:.3f} | {r['low']:.3f}–{r['high']:.3f} | {r['peak']:.0f} | {ratio} |")
lines += ["", "Ratio: ihracat's median over the reference's (above 1, ihracat is slower). See the notes below for where the time goes.", ""]
datasette_version = version(os.path.join(a.venv, "bin", "datasette") + " --version")
lines += [
    "## The web server",
    "",
    f"`ihracat serve` against {datasette_version} on the bundled figures (Datasette over the same rows copied into SQLite, indexed), "
    f"one JSON endpoint each, {requests_n:,} requests at 32 concurrent clients with ApacheBench after a warm-up of 200; "
    "the canned query is the same plain top-provinces SQL on both sides, and the top_provinces analysis (panel rules, shares, sources) is beside it. "
    "ihracat's requests share one read-only DuckDB engine, a connection each, kept for the next request (the engine is let go whenever a load in another process waits for the file), and answers are kept until the file changes.",
    "",
    "| side | requests/s | p50 ms | p99 ms | non-2xx | throughput against Datasette's JSON |",
    "|---|---:|---:|---:|---:|---:|",
]
datasette_rps = next((r["rps"] for r in serve_results if r["side"].startswith("Datasette, the same SQL")), None)
for r in serve_results:
    against = f"{r['rps'] / datasette_rps:.2f}×" if datasette_rps else ""
    lines.append(f"| {r['side']} | {r['rps']:.0f} | {r['p50']} | {r['p99']} | {r['failed']} | {against} |")
lines += [
    "",
    "## The assistant interface (MCP)",
    "",
    f"{calls_n:,} sequential calls of the top_provinces tool over `ihracat mcp`'s stdio (one session, after ten warm-up calls), against as many "
    "`ihracat run top_provinces --format json` processes for the same answer: a call costs the query without the process start and the database open. "
    "Over HTTP the calls go to `ihracat serve`'s `/mcp` at 32 concurrent clients in the web server's table above.",
    "",
    "| side | calls | p50 ms | p99 ms |",
    "|---|---:|---:|---:|",
]
for r in mcp_results:
    lines.append(f"| {r['side']} | {r['n']:,} | {r['p50']:.1f} | {r['p99']:.1f} |")
lines += [
    "",
    "## The analyses",
    "",
    "Every shipped analysis's first example through `ihracat run`, the preparing and running phases `IHRACAT_TIMINGS` reports "
    f"(the fastest of {timing_runs} runs, in rounds: the reference and every analysis once a round), against the same kind of answer by the simplest SQL: a plain ranking over `exports` "
    "(`sum`, `rank() OVER`, `ORDER BY`, `LIMIT 10`) run the same way as a user's named query. Targets (issue 33): each analysis "
    "within 2× the reference, `month_facts` (the report) within 5×, on the bundled data and on a complete panel.",
    "",
    "| data | analysis | example | ms | reference ms | ratio |",
    "|---|---|---|---:|---:|---:|",
]
for r in analysis_results:
    lines.append(f"| {r['data']} | {r['name']} | `{r['example']}` | {r['ms']:.1f} | {r['reference']:.1f} | {r['ms'] / r['reference']:.1f}× |")
lines += ["", "The reference itself against the engine: the plain ranking through `ihracat run` (preparing and running), and the same SQL "
          "in DuckDB's Python client of the same release as the first query on a fresh read-only connection. Target (issue 33): within 2×.", "",
          "| data | ihracat run ms | engine ms | ratio |", "|---|---:|---:|---:|"]
for data, reference, engine in engine_results:
    lines.append(f"| {data} | {reference:.1f} | {engine:.1f} | {reference / engine:.2f}× |")
lines += [""]
notes = os.path.join(ROOT, "bench", "NOTES.md")
if os.path.exists(notes):
    lines += [open(notes, encoding="utf-8").read()]
open(os.path.join(ROOT, a.out) if not os.path.isabs(a.out) else a.out, "w", encoding="utf-8").write("\n".join(lines) + "\n")
print(f"wrote {a.out}; work files in {work}")
shutil.rmtree(work, ignore_errors=True)
