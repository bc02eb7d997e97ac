"""Turn the release figures (tests/fixtures/releases/) into data/published_figures.csv, one statement a row.

Usage: python3 scripts/convert_published.py tests/fixtures/releases data/published_figures.csv
"""
import csv, sys
from decimal import Decimal
src, dst = sys.argv[1], sys.argv[2]

def doubt(r, metric):
    y, m, p, prov, basis = int(r["year"]), int(r["month"]), r["period"], r.get("province", ""), r["basis"]
    if (y, m) == (2024, 3) and prov == "İstanbul" and metric == "change_pct":
        return "change printed as -23, probably -2.3"
    if (y, m) in ((2025, 3), (2025, 7)) and p == "month":
        return "page does not state the year"
    if (y, m) == (2025, 8) and metric == "provinces_over_1b":
        return "32 provinces over 1 billion cannot be right beside 27 for January-September"
    if (y, m) == (2024, 1) and prov == "Bursa" and metric == "exports":
        return "pages differ (1275 and about 1800)"
    if (y, m) == (2024, 6) and p == "ytd":
        return "basis unknown; does not match the Ministry's monthly figures"
    return ""

def places(s):
    return len(s.split(".")[1]) if "." in s else 0

MUSD = Decimal(1_000_000)
out = []
def emit(r, year, metric, value, unit, precision, rank="", note_extra=""):
    note = doubt(r, metric) or ""
    if note_extra:
        note = (note + "; " if note else "") + note_extra
    out.append(dict(release_year=r["year"], release_month=r["month"], period=r["period"], year=year,
                    month=r["month"], basis=r["basis"], province=r.get("province", ""), metric=metric,
                    rank=rank, value=value, unit=unit, precision=precision, source_url=r["source_url"], note=note))

def usd(musd):
    v = Decimal(musd) * MUSD
    return str(v.quantize(Decimal(1)))

for r in csv.DictReader(open(f"{src}/province_figures.csv", encoding="utf-8")):
    y = int(r["year"])
    prec = usd(r["precision_musd"])
    if r["metric"] == "exports_prev_year":
        emit(r, y - 1, "exports", usd(r["value_musd"]), "usd", prec, note_extra="stated as the previous year's value")
    else:
        emit(r, y, r["metric"], usd(r["value_musd"]), "usd", prec, rank=r["rank"])
    if r["change_pct"]:
        emit(r, y, "change_pct", r["change_pct"], "percent", str(Decimal(1).scaleb(-places(r["change_pct"]))))

for r in csv.DictReader(open(f"{src}/national_figures.csv", encoding="utf-8")):
    y = int(r["year"])
    if r["total_exports_musd"]:
        emit(r, y, "total_exports", usd(r["total_exports_musd"]), "usd", usd(r["precision_musd"]))
    if r["total_change_pct"]:
        emit(r, y, "total_change_pct", r["total_change_pct"], "percent", str(Decimal(1).scaleb(-places(r["total_change_pct"]))))
    for k in ("provinces_over_1b", "provinces_increased"):
        if r[k]:
            emit(r, y, k, r[k], "count", "0")

w = csv.DictWriter(open(dst, "w", encoding="utf-8", newline=""), fieldnames=list(out[0].keys()), lineterminator="\n")
w.writeheader()
w.writerows(out)
print(len(out), "rows")
