"""Turn the release figures (tests/fixtures/releases/) into data/published_figures.csv, one statement a row.

Usage: python3 scripts/convert_published.py tests/fixtures/releases data/published_figures.csv

The Ministry of Trade's figures (province_figures.csv, national_figures.csv) come first, then the
regional and local releases (province_figures_local.csv, national_figures_local.csv, and the second
batch province_figures_local2.csv, national_figures_local2.csv with the sentence each figure is
quoted from), whose rows
carry the note of province_figures_local_notes.txt that concerns their page (NOTES below: a
fragment of the page's address, an optional filter, and the note's line, quoted verbatim).
`release_kind` says which: `ministry` or `regional`.
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
KIND = "ministry"
def emit(r, year, metric, value, unit, precision, rank="", note_extra=""):
    # The sentence of the page that states the figure, where the release file quotes it (local2).
    # The doubts of the shared README concern the Ministry's files; the local pages have notes of their own.
    note = (doubt(r, metric) if KIND == "ministry" else "") or ""
    if note_extra:
        note = (note + "; " if note else "") + note_extra
    out.append(dict(release_year=r["year"], release_month=r["month"], period=r["period"], year=year,
                    month=r["month"], basis=r["basis"], province=r.get("province", ""), metric=metric,
                    rank=rank, value=value, unit=unit, precision=precision, source_url=r["source_url"], note=note,
                    release_kind=KIND, quote=r.get("quote", "")))

def usd(musd):
    v = Decimal(musd) * MUSD
    return str(v.quantize(Decimal(1)))

def convert(province_file, national_file):
    for r in csv.DictReader(open(f"{src}/{province_file}", encoding="utf-8")):
        y = int(r["year"])
        prec = usd(r["precision_musd"])
        if r["metric"] == "exports_prev_year":
            emit(r, y - 1, "exports", usd(r["value_musd"]), "usd", prec, note_extra="stated as the previous year's value")
        else:
            emit(r, y, r["metric"], usd(r["value_musd"]), "usd", prec, rank=r["rank"])
        if r["change_pct"]:
            emit(r, y, "change_pct", r["change_pct"], "percent", str(Decimal(1).scaleb(-places(r["change_pct"]))))

    for r in csv.DictReader(open(f"{src}/{national_file}", encoding="utf-8")):
        y = int(r["year"])
        if r["total_exports_musd"]:
            emit(r, y, "total_exports", usd(r["total_exports_musd"]), "usd", usd(r["precision_musd"]))
        if r["total_change_pct"]:
            emit(r, y, "total_change_pct", r["total_change_pct"], "percent", str(Decimal(1).scaleb(-places(r["total_change_pct"]))))
        for k in ("provinces_over_1b", "provinces_increased"):
            if r[k]:
                emit(r, y, k, r[k], "count", "0")

convert("province_figures.csv", "national_figures.csv")

# The regional and local releases, with the notes on their pages.
def note_line(start, lines):
    found = [l for l in lines if l.startswith(start)]
    assert len(found) == 1, f"no single note line starts with {start!r}"
    return found[0].strip()

ANY = lambda row: True
NOTES = [
    ("19220798", ANY, "haberler.com 19220798"),
    ("kent20haber.com/memisoglu", ANY, "kent20haber + haberaktuel 3284350"),
    ("54216", ANY, "haberacipayam 54216"),
    ("samsundanhaberler.com", ANY, "samsundanhaberler 10344"),
    ("h407924", ANY, "gazeteekonomi h407924"),
    ("h583802", ANY, "gazeteekonomi h407924"),
    ("kayseriulkergazetesi.com/haber/kayseri-osb", ANY, "kayseriulkergazetesi 33385"),
    ("kayseriulkergazetesi.com", ANY, "TÜİK-cited rows (Kayseri KAYSO/OSB)"),
    ("ekonomipolitikasi.com.tr/konyadan", ANY, "ekonomipolitikasi Konya Feb"),
    ("manisamansetgazetesi.com", ANY, "manisamansetgazetesi 'iste-ihracat-rakamlari'"),
    ("lojistik-gucunu-uretimle", ANY, "dunya 817546"),
    ("kenthaber27.com", ANY, "kenthaber27 1120351"),
    ("185938", ANY, "sonhaber 185938"),
    ("marmarabolge.com", ANY, "marmarabolge Balıkesir May 2024"),
    ("tekirdaghaberler.com", ANY, "tekirdaghaberler Feb 2025"),
    ("475641", ANY, "sha.com.tr 475641"),
    ("acigol-haber.com.tr", ANY, "DKİB (Doğu Karadeniz"),
    ("dogu-karadenizden-iki-ayda", ANY, "DKİB (Doğu Karadeniz"),
    ("dogu-karadeniz-den-2025", ANY, "DKİB (Doğu Karadeniz"),
    ("dkib.org.tr", ANY, "DKİB (Doğu Karadeniz"),
    ("geripas.com", ANY, "DKİB (Doğu Karadeniz"),
    ("846794", ANY, "DKİB (Doğu Karadeniz"),
    ("846794", ANY, "ekonomim 846794"),
    ("palandokengazetesi.net", ANY, "palandokengazetesi 39229m"),
    ("14645942", ANY, "merlincdn/sondakika 14645942"),
    ("malatyanethaber.com.tr", ANY, "malatyanethaber 87662"),
    ("etkihaber.com/service/amp/afyon", ANY, "Afyonkarahisar ATSO pages"),
    ("kurtulusgazetesi.com.tr", ANY, "Afyonkarahisar ATSO pages"),
    ("afyonkarahisarin-ihracati-yuzde-15", ANY, "Afyonkarahisar ATSO pages"),
    ("afyonturkeligazetesi.com", ANY, "Afyonkarahisar ATSO pages"),
    ("afyonkarahisar-ihracatta-yukselmeye", ANY, "Afyonkarahisar ATSO pages"),
    ("afyonkarahisarin-eylul-ayi", ANY, "Afyonkarahisar ATSO pages"),
    ("afyonkarahisartso.org.tr", ANY, "Afyonkarahisar ATSO pages"),
    ("usakhabergazetesi.com.tr", ANY, "usakhabergazetesi"),
    ("19297205", ANY, "haberler 19297205"),
    ("bursadan-ihracat-atagi-izmiri-solladi", lambda r: r["province"] == "İzmir", "DISAGREE-EXISTING 2025|9|month|exports||İzmir"),
    ("izmirdeki-dusus", lambda r: r["province"] == "İzmir", "sonmuhur 'izmirdeki-dusus' + steelradar"),
    ("aegean-region-reach-437", lambda r: r["province"] == "İzmir", "sonmuhur 'izmirdeki-dusus' + steelradar"),
    ("374710", ANY, "byturco 374710"),
    ("elazigsonhaber.com", ANY, "elazigsonhaber h3759"),
    ("981454h", ANY, "yenicaggazetesi 981454h"),
    ("273667", ANY, "baykushaber 273667"),
    ("corumhaber.net", ANY, "corumhaber 'corum-artik-sanayi"),
    ("bomba15.com", lambda r: "province" not in r, "NOTE national:"),
    ("1120351", lambda r: "province" not in r, "NOTE national:"),
]

def local_note(r, notes, lines):
    found = [note_line(start, lines) for fragment, keep, start in notes if fragment in r["source_url"] and keep(r)]
    return "; ".join(dict.fromkeys(found))

def convert_regional(province_file, national_file, notes_file, notes):
    """Converts a batch of regional releases, each row carrying the note of `notes_file` that
    concerns its page (`notes`: a fragment of the page's address, a filter, the note line's start)."""
    lines = open(f"{src}/{notes_file}", encoding="utf-8").read().splitlines()
    first = len(out)
    convert(province_file, national_file)
    # The rows convert() read back, so that each gets its page's note.
    rows = [dict(r) for r in csv.DictReader(open(f"{src}/{province_file}", encoding="utf-8"))]
    rows += [dict(r) for r in csv.DictReader(open(f"{src}/{national_file}", encoding="utf-8"))]
    for row in out[first:]:
        original = next(r for r in rows if r["source_url"] == row["source_url"] and r["year"] == row["release_year"]
                        and r["month"] == row["release_month"] and r.get("province", "") == row["province"])
        note = local_note(original, notes, lines)
        if note:
            row["note"] = (row["note"] + "; " if row["note"] else "") + note
    for fragment, _, start in notes:
        note_line(start, lines)  # every rule's note exists
        assert any(fragment in r["source_url"] for r in rows), f"no page has {fragment!r}"

KIND = "regional"
convert_regional("province_figures_local.csv", "national_figures_local.csv", "province_figures_local_notes.txt", NOTES)

# The second batch of regional and local figures (17 provinces the monthly lists never name), each
# with the sentence that states it (`quote`) and the note of province_figures_local2_notes.txt that
# concerns its page, quoted verbatim.
NOTES2 = [
    ("orduyenidonem.com.tr", ANY, "orduyenidonem.com.tr/ordu-ihracatta-sinifta-kaldi"),
    ("hurriyet.com.tr/ekonomi/karadenizin-2020", ANY, "hurriyet karadenizin-2020"),
    ("adiyamanlilar.net", lambda r: r["year"] == "2019", "adiyamanlilar.net Zenginoğlu"),
    ("kastamonuistiklal.com", lambda r: r["year"] == "2024" and r["period"] == "year", "kastamonuistiklal.com/ihracatci-il-olmak-cok-mu-zor"),
    ("bolgemiz_Giresun-EN", ANY, "doka.org.tr/bolgemiz_Giresun-EN.html"),
    ("bolgemiz_Ordu-TR", ANY, "doka.org.tr/bolgemiz_Ordu-TR.html"),
    ("beyazgazete.com/haber/2019/1/8", lambda r: r["year"] == "2017", "doka.org.tr/bolgemiz_Ordu-TR.html"),
    ("konyahaber42.com", ANY, "konyahaber42.com/mus-1-8-milyon-dolar"),
    ("gucluanadolugazetesi.com", ANY, "gucluanadolugazetesi.com/mus-18-milyon"),
    ("yenicaggazetesi.com/igdir", ANY, "yenicaggazetesi.com/igdir-dis-ticarette"),
    ("gazeteanadolu.com/zarar", ANY, "gazeteanadolu.com/zarar-70-80-milyon-dolar"),
    ("vanin-ihracat-hedefi", ANY, "mynet.com/amp/vanin-ihracat-hedefi-1-milyar-dolar"),
    ("ahihaber.net", ANY, "ahihaber.net/haber-saglIksen"),
    ("dolmoney.com", ANY, "dolmoney.com/2023/04/10"),
    ("trtdeutsch.com", ANY, "trtdeutsch 2022 (TİM)"),
    ("bloomberght.com", ANY, "bloomberght 2054244"),
    ("dunya.com/kose-yazisi", ANY, "dunya.com köşe yazısı 714995"),
    ("dailysabah.com", ANY, "dailysabah.com quake-hit-region-made-205b"),
    ("bodrumhaber2000.com", ANY, "bodrumhaber2000.com/ihracat-artisinda"),
    ("aydinses.com", ANY, "aydinses.com/33-il-1-milyar-dolar"),
]
convert_regional("province_figures_local2.csv", "national_figures_local2.csv", "province_figures_local2_notes.txt", NOTES2)

w = csv.DictWriter(open(dst, "w", encoding="utf-8", newline=""), fieldnames=list(out[0].keys()), lineterminator="\n")
w.writeheader()
w.writerows(out)
print(len(out), "rows")
