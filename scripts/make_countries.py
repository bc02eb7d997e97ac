"""Writes data/countries.csv from ISO 3166-1 as the iso-codes project publishes it, with the
Turkish names of its translations, through the pycountry package (PyPI `pycountry`, which ships
iso-codes' data and translations). Run: python3 scripts/make_countries.py > data/countries.csv

The entries Turkish tables use that are not ISO countries are appended with codes from ISO's
user-assigned range (XA-XZ), as data/README.md documents."""
import csv, gettext, sys
import pycountry

tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["tr"])
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["code", "alpha3", "numeric", "name_en", "name_tr", "common_name_en", "iso"])
for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
    out.writerow([c.alpha_2, c.alpha_3, c.numeric, c.name, tr.gettext(c.name), getattr(c, "common_name", ""), "true"])
# Not ISO 3166-1 entries, with user-assigned codes (ISO 3166-1 section 7.1.3).
for code, en, tr_name in [
    ("XC", "Turkish Republic of Northern Cyprus", "Kuzey Kıbrıs Türk Cumhuriyeti"),
    ("XK", "Kosovo", "Kosova"),
    ("XF", "Free zones of Türkiye", "Serbest bölgeler"),
    ("XS", "Confidential countries", "Gizli ülkeler"),
    ("XU", "Unknown country", "Belirlenemeyen ülke"),
]:
    out.writerow([code, "", "", en, tr_name, "", "false"])
