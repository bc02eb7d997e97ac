//! The commands said in Turkish (`IHRACAT_LOCALE=tr`): what a load refuses, notes and warns, and
//! its summary, in a Turkish reader's words, with the file's places, headers and cells as the
//! file wrote them; an unload; `info`. The Turkish expected here is written by hand; the English
//! beside it is the command's own, run on the same file.

mod common;

use common::{text, Workdir};

/// A working directory whose database exists already, so that no run says it created it.
fn workdir() -> Workdir {
    let w = Workdir::new();
    w.stdout(&["info"]);
    w
}

/// `ihracat load ARGS` in `language`: the exit code, stdout and stderr.
fn load(w: &Workdir, language: &str, args: &[&str]) -> (i32, String, String) {
    let mut command = w.command(&[&["load"], args].concat());
    if language == "tr" {
        command.env("IHRACAT_LOCALE", "tr");
    }
    let out = command.output().unwrap();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

#[test]
fn a_refused_load_is_said_in_turkish_cell_by_cell() {
    let w = workdir();
    w.write(
        "il.csv",
        "il,yıl,ay,ihracat (usd)\nAnkaraa,2025,10,1234\n,2025,10,55\nBursa,2025,13,5\nKonya,1989,10,7\nİzmir,2025,10,abc\nAdana,2025,10,-5\n\
         Hatay,2025,10,1.2.3\nKonya,2025,9,10\nKonya,2025,9,11\nSivas,2025,10,99999999999999999\n",
    );
    let (code, stdout, stderr) = load(&w, "tr", &["il.csv", "--basis", "activity"]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_eq!(
        stderr,
        "ihracat: hata: il.csv: yüklenmedi, hiçbir şey değişmedi:\n\
         \x20 il.csv:2: \"il\" sütunu: `Ankaraa`: bilinmeyen il (Ankara olabilir mi?)\n\
         \x20 il.csv:3: \"il\" sütunu: ``: değerleri olan ama ili olmayan bir satır\n\
         \x20 il.csv:4: \"ay\" sütunu: `13`: ay 1 ile 12 arasında olmalı\n\
         \x20 il.csv:5: \"yıl\" sütunu: `1989`: yıl 1990 ile 2100 arasında olmalı\n\
         \x20 il.csv:6: \"ihracat (usd)\" sütunu: `abc`: ABD doları olarak okunabilen bir sayı değil ($ dışında bir para birimi ya da milyon gibi bir ölçek sözcüğü okunmaz: tabloyu dönüştürün ya da sayıyı tam yazıp --unit kullanın)\n\
         \x20 il.csv:7: \"ihracat (usd)\" sütunu: `-5`: negatif bir değer: ihracat negatif olamaz\n\
         \x20 il.csv:8: \"ihracat (usd)\" sütunu: `1.2.3`: sütunun sayıları yazdığı biçimde bir sayı değil (üçer basamaklı gruplar, bir ondalık ayırıcı, ardından başka bir şey yok)\n\
         \x20 il.csv:10: \"il\" sütunu: `Konya`: 2025-09 için 2 kez geçiyor (satırlar 9, 10)\n\
         \x20 il.csv:11: \"ihracat (usd)\" sütunu: `99999999999999999`: saklanamayacak kadar büyük: bir değerin dolar kısmı en çok 16 basamaklıdır (Türkiye'nin bir yıllık ihracatı 12 basamaklıdır)\n"
    );
    // Without the setting, the same refusal in English; the column is named as the file names it.
    let (code, _, english) = load(&w, "en", &["il.csv", "--basis", "activity"]);
    assert_eq!(code, 1);
    assert!(english.starts_with("ihracat: error: il.csv: not loaded, nothing changed:\n  il.csv:2: column \"il\": `Ankaraa`: unknown province (did you mean Ankara?)\n"), "{english}");
}

#[test]
fn a_detail_tables_cells_are_said_in_turkish() {
    let w = workdir();
    w.write(
        "d.csv",
        "il,yıl,ay,ülke,fasıl,ihracat (usd),miktar\nAnkara,2025,10,Narnia,87,100,1\nAnkara,2025,10,DE,999,100,1\nAnkara,2025,10,DE,87,100,x\n\
         Ankara,2025,10,FR,87,100,-1\nAnkara,2025,10,US,87,100,1.0005\n",
    );
    let (code, _, stderr) = load(&w, "tr", &["d.csv", "--basis", "activity"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "ihracat: hata: d.csv: yüklenmedi, hiçbir şey değişmedi:\n\
         \x20 d.csv:2: \"ülke\" sütunu: `Narnia`: bilinmeyen ülke (ISO numaraları iso: ile yazılır, iso:276 gibi)\n\
         \x20 d.csv:3: \"fasıl\" sütunu: `999`: bilinmeyen ürün (87 ya da 870321 gibi bir GTİP kodu ya da bir fasıl adı)\n\
         \x20 d.csv:4: \"miktar\" sütunu: `x`: sayı değil\n\
         \x20 d.csv:5: \"miktar\" sütunu: `-1`: negatif bir miktar: miktar negatif olamaz\n\
         \x20 d.csv:6: \"miktar\" sütunu: `1.0005`: binde birden küçük basamakları var: miktar üç ondalığa kadar saklanır ve ihracat bir rakamı sessizce yuvarlamaz; sütunu dosyada yuvarlayın\n"
    );
}

/// Every kind of refusal a file can meet, each in its own file: in Turkish, no line of it is the
/// English line, and none keeps an English phrase. A refusal whose English changes without its
/// Turkish template stays English, and fails here.
#[test]
fn every_refusal_of_a_file_is_said_in_turkish() {
    let w = workdir();
    let files: &[(&str, &str, &[&str])] = &[
        ("esas.csv", "il,esas,yıl,ay,ihracat\nAnkara,foo,2025,10,5\n", &[]),
        ("genis.csv", "İl,Ekim 2025,Kasım 2025\nAnkara,1,2,3\n", &["--basis", "activity"]),
        ("yilsiz.csv", "İl,Ocak,Şubat\nAnkara,1,2\n", &["--basis", "activity"]),
        ("iki-il.csv", "İl,Şehir,Ekim 2025\nAnkara,Ankara,1\n", &["--basis", "activity"]),
        ("iki-yil.csv", "İl,yıl,yil,ay,ihracat\nAnkara,2025,2025,10,1\n", &["--basis", "activity"]),
        ("duzen.csv", "İl,foo,bar\nAnkara,1,2\n", &["--basis", "activity"]),
        ("ilsiz.csv", "foo,bar\n1,2\n", &["--basis", "activity"]),
        ("bicim.weird", "x", &["--basis", "activity"]),
        ("toplam.csv", "İl,Ekim 2025\nAnkara,1000000\nToplam,5\n", &["--basis", "activity"]),
        ("avro.csv", "Değerler avro cinsindendir\nİl,Ekim 2025\nAnkara,1000000\n", &["--basis", "activity"]),
        ("bos.csv", "İl,Ekim 2025\n", &["--basis", "activity"]),
        ("tam.csv", "il,yıl,ay,ihracat (usd)\nAnkara,2025,10,1234\n", &["--basis", "activity", "--complete"]),
        ("esassiz.csv", "il,yıl,ay,ihracat (usd)\nAnkara,2025,10,1234\n", &[]),
        ("karisik.csv", "İl,Ekim 2025\nAnkara,\"1.000,5\"\nBursa,\"2,000.5\"\n", &["--basis", "activity"]),
        ("bin.csv", "İl,Ekim 2025\nAnkara,1.000\n", &["--basis", "activity", "--unit", "thousand-usd"]),
        ("yok.csv", "", &["--basis", "activity"]),
    ];
    for (name, contents, _) in files {
        if !contents.is_empty() {
            w.write(name, contents);
        }
    }
    // The refusals of what is not a table (binary, UTF-16, cut short, an Excel formula without
    // its value…): the files tests/load.rs refuses one by one.
    let broken = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/load/broken");
    let mut broken: Vec<String> = std::fs::read_dir(broken).unwrap().map(|e| e.unwrap().path().to_string_lossy().into_owned()).collect();
    broken.sort();
    // A dry run, so that a fixture refused only with options of its own (tests/load.rs gives
    // them) loads nothing here; it is left out.
    let basis: &[&str] = &["--basis", "activity", "--dry-run"];
    let runs = files.iter().map(|(name, _, options)| [&[*name][..], options].concat()).chain(broken.iter().map(|path| [&[path.as_str()][..], basis].concat()));
    let mut refused = 0;
    let english_phrases = ["not loaded", "column", "must be", "unknown", "cannot", " says ", "no data", "give ", "is for", "two columns", " in Turkish", " empty", " row ", "the file", "save it", " is not ", " has "];
    for args in runs {
        let name = args[0].rsplit('/').next().unwrap_or_default().to_string();
        let (code_en, _, english) = load(&w, "en", &args);
        let (code_tr, _, turkish) = load(&w, "tr", &args);
        if code_en == 0 && args.contains(&"--dry-run") {
            continue;
        }
        refused += 1;
        assert_eq!((code_en, code_tr), (1, 1), "{name}: {english}{turkish}");
        assert_eq!(english.lines().count(), turkish.lines().count(), "{name}:\n{english}{turkish}");
        for (en, tr) in english.lines().zip(turkish.lines()) {
            assert_ne!(en, tr, "{name}: a line left in English");
            // The file's own name says nothing about the language.
            let tr = tr.replace(args[0], "");
            let left: Vec<&str> = english_phrases.iter().copied().filter(|p| tr.contains(p)).collect();
            assert!(left.is_empty(), "{name}: {left:?} in {tr}");
        }
    }
    assert!(refused >= files.len() + 70, "{refused} refusals compared");
}

#[test]
fn a_load_that_goes_ahead_is_summed_up_in_turkish() {
    let w = workdir();
    w.write("genis.csv", "2025 ihracat (bin dolar)\nİl,Ocak,Şubat,Ocak-Şubat,Not\nAnkara,1.000,2.000,3.500,x\nBursa,5.000,1.000,6.000,y\n");
    let (code, stdout, stderr) = load(&w, "tr", &["genis.csv", "--basis", "activity", "--numbers", "tr"]);
    assert_eq!(code, 0, "{stderr}");
    // The bundled values these replace are the releases' (tests/fixtures/releases): Ankara
    // January and February 2025 771 and 881 million dollars, Bursa February 1,447 million.
    assert_eq!(
        stdout,
        "genis.csv yüklendi (yükleme 1): 4 satır, 2 il, 2025-01, 2025-02; esas faaliyet ili, birim bin $, geniş düzen\n\
         \x20 1 eklendi; 3 paket satırının ve 0 yüklenmiş satırın yerine geçti; 0 aynı\n\
         \x20 yerine geçilen paket değerlerinden 3 tanesi yayımlanan değerden yuvarlamasından fazla farklı; en büyükleri:\n\
         \x20   Bursa 2025-02: yayımlanan 1.447.000.000, yüklenen 1.000.000 (-%99,9)\n\
         \x20   Ankara 2025-01: yayımlanan 771.000.000, yüklenen 1.000.000 (-%99,9)\n\
         \x20   Ankara 2025-02: yayımlanan 881.000.000, yüklenen 2.000.000 (-%99,8)\n\
         \x20 `ihracat loads 1` yüklemenin yerine geçtiği her satırı listeler\n"
    );
    assert_eq!(
        stderr,
        "ihracat: not: genis.csv: birim bin $: \"2025 ihracat (bin dolar)\" ifadesinden anlaşıldı\n\
         ihracat: not: genis.csv: 5. sütun \"Not\" veri değil, atlandı\n\
         ihracat: uyarı: genis.csv: satır 3: Ankara: \"Ocak-Şubat\" 3.500.000 diyor ama aylarının toplamı 3.000.000\n"
    );
    let (code, stdout, _) = load(&w, "tr", &["genis.csv", "--basis", "activity", "--numbers", "tr"]);
    assert_eq!(code, 0);
    assert_eq!(stdout, "genis.csv: aynı içerikle zaten yüklü (yükleme 1); hiçbir şey değişmedi (başka seçeneklerle yeniden okumak için --replace ekleyin)\n");
}

#[test]
fn a_list_of_files_stopped_at_one_says_what_was_loaded_before_it() {
    let w = workdir();
    w.write("iyi.csv", "il,yıl,ay,ihracat (usd)\nAnkara,2025,10,1107000000\n");
    w.write("kotu.csv", "il,yıl,ay,ihracat (usd)\nAnkara,2025,13,5\n");
    let (code, _, stderr) = load(&w, "tr", &["iyi.csv", "kotu.csv", "--basis", "activity"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "ihracat: hata: kotu.csv: yüklenmedi, hiçbir şey değişmedi:\n\
         \x20 kotu.csv:2: \"ay\" sütunu: `13`: ay 1 ile 12 arasında olmalı\n\
         (ondan önceki 1 dosya yüklendi)\n"
    );
    let (_, _, english) = load(&w, "en", &["kotu.csv", "--basis", "activity"]);
    assert!(english.contains("month must be 1 to 12"), "{english}");
}

#[test]
fn values_another_load_holds_are_listed_in_turkish() {
    let w = workdir();
    w.write("ilk.csv", "il,yıl,ay,ihracat (usd)\nAnkara,2025,10,1000\n");
    w.write("ikinci.csv", "il,yıl,ay,ihracat (usd)\nAnkara,2025,10,2000\nBursa,2025,10,5\n");
    assert_eq!(load(&w, "tr", &["ilk.csv", "--basis", "activity"]).0, 0);
    let (code, _, stderr) = load(&w, "tr", &["ikinci.csv", "--basis", "activity"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "ihracat: hata: ikinci.csv: yüklenmedi, hiçbir şey değişmedi: 1 il-ayında zaten farklı yüklenmiş değerler var (onları değiştirmek için --replace ekleyin):\n\
         \x20 ikinci.csv:2: Ankara 2025-10: burada 2.000, 1 numaralı yüklemede 1.000\n"
    );
}

/// The built-in lists (`loads`, what a load replaced, `queries`, `countries`, `products`) in a
/// Turkish table: every heading and code in Turkish words, and a loaded value with the cents its
/// file wrote, neither rounded away nor padded. `--locale tr` on `load` itself, not only the
/// setting.
#[test]
fn the_built_in_lists_speak_turkish() {
    let w = workdir();
    w.write("ilk.csv", "il,yıl,ay,ihracat (usd)\nAnkara,2025,10,1000\n");
    w.write("ikinci.csv", "il,yıl,ay,ihracat (usd)\nAnkara,2025,10,\"2.000,5\"\nBursa,2025,10,\"1.234.567,5\"\n");
    assert_eq!(w.run(&["load", "ilk.csv", "--basis", "activity", "--locale", "tr"]).status.code(), Some(0));
    let out = w.command(&["load", "ikinci.csv", "--basis", "activity", "--locale", "tr"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "ihracat: hata: ikinci.csv: yüklenmedi, hiçbir şey değişmedi: 1 il-ayında zaten farklı yüklenmiş değerler var (onları değiştirmek için --replace ekleyin):\n\
         \x20 ikinci.csv:2: Ankara 2025-10: burada 2.000,50, 1 numaralı yüklemede 1.000\n");
    let out = w.run(&["load", "ikinci.csv", "--basis", "activity", "--replace", "--locale", "tr"]);
    // Bursa's October 2025 is the release's 1,821 million dollars (tests/fixtures/releases).
    assert_eq!(
        text(&out.stdout),
        "ikinci.csv yüklendi (yükleme 2): 2 satır, 2 il, 2025-10; esas faaliyet ili, birim $, uzun düzen\n\
         \x20 0 eklendi; 1 paket satırının ve 1 yüklenmiş satırın yerine geçti; 0 aynı\n\
         \x20 yerine geçilen paket değerlerinden 1 tanesi yayımlanan değerden yuvarlamasından fazla farklı; en büyükleri:\n\
         \x20   Bursa 2025-10: yayımlanan 1.821.000.000, yüklenen 1.234.567,50 (-%99,9)\n\
         \x20 `ihracat loads 2` yüklemenin yerine geçtiği her satırı listeler\n"
    );
    let lines = |args: &[&str]| -> Vec<String> { w.stdout(&[args, &["--format", "markdown", "--locale", "tr"]].concat()).lines().map(str::to_string).collect() };
    let loads = lines(&["loads"]);
    assert_eq!(loads[0], "| Yükleme | Dosya | İçeriğin SHA-256 özeti | Biçim | Esas | Birim | Yüklendiği an | Eklenen satır | Yerine geçilen satır |");
    assert!(loads[3].starts_with("| 2 | ikinci.csv | ") && loads[3].contains(" | csv | faaliyet ili | $ | ") && loads[3].ends_with(" | 0 | 2 |"), "{loads:?}");
    let replaced = lines(&["loads", "2"]);
    assert_eq!(
        replaced[0],
        "| İl | Yıl | Ay | Esas | Yerine geçilen değer ($) | Yerine geçilenin yuvarlaması ($) | Yerine geçilenin kaynak türü | Yüklenen ($) | Fark (%) | Yuvarlamayı aşıyor | Yerine geçilenin kaynağı |"
    );
    assert_eq!(replaced[2], "| Ankara | 2025 | 10 | faaliyet ili | 1.000 | 0 | yükleme 1 | 2.000,50 | 100,1 | evet | ilk.csv |");
    assert!(replaced[3].starts_with("| Bursa | 2025 | 10 | faaliyet ili | 1.821.000.000 | 1.000.000 | yayımlandı | 1.234.567,50 | -99,9 | evet | https://"), "{replaced:?}");
    let queries = lines(&["queries"]);
    assert_eq!(queries[0], "| Ad | Kategori | Özet | Parametreler | Kaynak |");
    let top = queries.iter().find(|l| l.starts_with("| top_provinces |")).unwrap();
    assert!(top.starts_with("| top_provinces | Sıralamalar | ") && top.ends_with(" | sql/rankings/top_provinces.sql (pakette) |"), "{top}");
    let countries = lines(&["countries"]);
    assert_eq!(countries[0], "| Kod | Alfa-3 kodu | Sayısal kod | Ad (Türkçe) | Ad (İngilizce) | ISO 3166-1'de |");
    assert!(countries.contains(&"| DE | DEU | 276 | Almanya | Germany | evet |".to_string()), "{countries:?}");
    assert!(countries.contains(&"| XK |  |  | Kosova | Kosovo | hayır |".to_string()), "{countries:?}");
    let products = lines(&["products"]);
    assert_eq!(products[0], "| Kod | Düzey | Başlık (Türkçe) | Başlık (İngilizce) |");
    assert_eq!(products[2], "| 01 | fasıl | CANLI HAYVANLAR | Live animals |");
    // In English the same tables keep the column names and codes.
    let english = w.stdout(&["loads", "2", "--format", "markdown", "--locale", "en"]);
    assert!(english.starts_with("| province | year | month | basis | replaced_usd |") && english.contains("| load 1 | 2,000.50 | 100.1 | true | ilk.csv |"), "{english}");
    // The first file again, after the second replaced its value: read anew, and refused.
    w.write("ucuncu.csv", "il,yıl,ay,ihracat (usd)\nAnkara,2025,10,1000\n");
    let (code, refused) = w.fail(&["load", "ucuncu.csv", "--basis", "activity", "--locale", "en"]);
    assert_eq!(code, 1);
    assert!(refused.contains("ucuncu.csv:2: Ankara 2025-10: 1000 here, 2000.50 from load 2"), "{refused}");
}

#[test]
fn an_unload_is_said_in_turkish() {
    let w = workdir();
    w.write("ilk.csv", "il,yıl,ay,ihracat (usd)\nAnkara,2025,10,1000\n");
    assert_eq!(load(&w, "tr", &["ilk.csv", "--basis", "activity"]).0, 0);
    let unload = |id: &str| {
        let out = w.command(&["unload", id]).env("IHRACAT_LOCALE", "tr").output().unwrap();
        (out.status.code(), text(&out.stdout), text(&out.stderr))
    };
    // Ankara's October 2025 was a release's figure: the load replaced it, the unload brings it back.
    assert_eq!(unload("1"), (Some(0), "1 numaralı yükleme kaldırıldı: 1 satır silindi, yerine geçtiği 1 satır geri getirildi\n".into(), String::new()));
    assert_eq!(unload("7"), (Some(1), String::new(), "ihracat: hata: 7 numaralı bir yükleme yok (ihracat loads hepsini listeler)\n".into()));
}

#[test]
fn info_is_said_in_turkish() {
    let w = workdir();
    let out = w.command(&["info"]).env("IHRACAT_LOCALE", "tr").output().unwrap();
    assert!(out.status.success());
    // Not a terminal: the lines about the database go to stderr, the coverage table to stdout.
    let said = text(&out.stderr);
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines[0], format!("veritabanı:    {}", w.db().display()));
    assert_eq!(lines[1], format!("çalışma alanı: {}", w.path("test.workspace.duckdb").display()));
    assert!(lines[2].starts_with("şema sürümü:   ") && lines[2].contains("(bu ihracat: "), "{said}");
    assert_eq!(lines[5], "yüklemeler:    0 (ihracat loads)");
    // The bundled detail: the releases' top three chapters and countries of İstanbul, Kocaeli and
    // İzmir (data/published_detail.csv: 107 rows, of which İstanbul's three countries of January
    // 2024 are stated by two pages, so 104 cells).
    assert_eq!(
        lines[6],
        "ayrıntı:       0 yüklenmiş satır, paketteki 104 satır (bültenlerin ilk sıralar listeleri); 3 il, 2023-10 – 2026-01; tam olan 0 il-ayı (load --complete)"
    );
    assert_eq!(lines[7], "en az bir rakamı olan iller; yıla, esasa ve bülten türüne göre (aylar için: ihracat run coverage):");
}

/// `chart` speaks its `--lang` (Turkish unless told), `export` and `run -o` the locale: the
/// panel notice and what was written, in the same words as the page and the workbook.
#[test]
fn what_a_chart_or_an_export_wrote_is_said_in_the_readers_language() {
    let w = workdir();
    let chart = |extra: &[&str]| {
        let path = w.path("top.png");
        let mut args = vec!["chart", "top_provinces", "-p", "year=2025", "-p", "month=10", "-o", path.to_str().unwrap(), "--overwrite"];
        args.extend_from_slice(extra);
        let out = w.command(&args).output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stderr)
    };
    // October 2025: the bundled releases give 8 provinces; the national total is derived from
    // the published January-October and January-September totals.
    let path = w.path("top.png").display().to_string();
    assert_eq!(
        chart(&[]),
        format!(
            "ihracat: not: 2025-10 için 81 ilden 8 ilin verisi var: paylar yayımlanan yılbaşından bu yana toplamlardan türetilen ulusal toplama göredir; sıralar bültenin verdiği sıralardır\n\
             ihracat: not: `top_provinces` için çubuk grafik çizildi: {path}\n"
        )
    );
    assert_eq!(
        chart(&["--lang", "en"]),
        format!(
            "ihracat: note: 8 of 81 provinces have data for 2025-10: shares are of the national total derived from published year-to-date totals; ranks are the release's\n\
             ihracat: note: drew a bar chart of `top_provinces` to {path}\n"
        )
    );
    // `--locale`, as run and export spell a language, names the chart's too; `--lang`, as chart
    // and report spell it, names a table's.
    assert_eq!(chart(&["--locale", "en"]), chart(&["--lang", "en"]));
    for flag in ["--lang", "--locale"] {
        let out = w.command(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=1", "--format", "markdown", flag, "tr"]).output().unwrap();
        assert!(text(&out.stdout).starts_with("| Sıra | İl | Kod | Değer ($) | Pay (%) |"), "{flag}: {}", text(&out.stdout));
    }
    let csv = w.path("top.csv");
    let out = w
        .command(&["export", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=3", "--to", csv.to_str().unwrap()])
        .env("IHRACAT_LOCALE", "tr")
        .output()
        .unwrap();
    assert!(text(&out.stderr).ends_with(&format!("ihracat: not: 3 satır yazıldı: {}\n", csv.display())), "{}", text(&out.stderr));
}

/// `ihracat ARGS` with IHRACAT_LOCALE=tr and `stdin`: the exit code, stdout and stderr.
fn in_turkish(w: &Workdir, args: &[&str], stdin: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child = w
        .command(args)
        .env("IHRACAT_LOCALE", "tr")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// `ihracat sql SQL` in Turkish, which must refuse it: what it said on stderr.
fn refused(w: &Workdir, sql: &str) -> String {
    let (code, stdout, stderr) = in_turkish(w, &["sql", sql], "");
    assert_eq!((code, stdout.as_str()), (1, ""), "{sql}: {stderr}");
    stderr
}

/// Ad-hoc SQL's refusals and notes, each naming its statement in Turkish; DuckDB's own words
/// would stay English, but these are ihracat's.
#[test]
fn ad_hoc_sql_refuses_and_notes_in_turkish() {
    let w = workdir();
    let refused = |sql: &str| refused(&w, sql);
    assert_eq!(
        refused("ATTACH 'x.duckdb'"),
        "ihracat: hata: 1. ifade (1. satır): serbest SQL veritabanı bağlayamaz, ayıramaz ya da değiştiremez: yönetilen veritabanı salt okunur kalır, kendi tablolarınız çalışma alanında durur (sql --write)\n"
    );
    assert_eq!(
        refused("SELECT 1;\nCOPY (SELECT 1) TO 'x.csv'"),
        "ihracat: hata: 2. ifade (2. satır): serbest SQL dosya yazmaz ya da içe aktarmaz: bir sonucu `ihracat export --sql \"…\" --to FILE` yazar (ve neyin yerine yazdığını denetler); bir dosyayı read_csv(…) ya da `ihracat load` ile okuyun\n"
    );
    assert_eq!(
        refused("DELETE FROM exports"),
        "ihracat: hata: 1. ifade (1. satır): bu komut yalnızca okur ve DuckDB bu ifadeyi bir sorgudan (SELECT, FROM, WITH, VALUES, SHOW, DESCRIBE, SUMMARIZE ya da bunlardan birinin EXPLAIN'i) başka bir şey olarak okuyor; çalışma alanında kendi tablolarınızı ve görünümlerinizi oluşturmak için --write ekleyin\n"
    );
    // With --write: how many rows each statement changed, and a table of the user's own named
    // like a managed one.
    let (code, _, stderr) = in_turkish(&w, &["sql", "--write", "CREATE TABLE t (x INT);\nINSERT INTO t VALUES (1), (2);\nCREATE TABLE exports AS SELECT 1 AS a"], "");
    assert_eq!((code, stderr.as_str()), (0, "ihracat: not: 2. ifade (2. satır): 2 satır değişti\nihracat: not: 3. ifade (3. satır): 1 satır değişti\n"));
    let (code, _, stderr) = in_turkish(&w, &["sql", "--write", "DELETE FROM ihracat.main.exports"], "");
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "ihracat: not: sizin workspace.main.exports nesneniz serbest SQL'de yönetilen `exports` yerine okunuyor (yönetilen: ihracat.main.exports); adlandırılmış analizler yönetilen tabloları okur\n\
         ihracat: hata: 1. ifade (1. satır): DELETE yönetilen veritabanını değiştirirdi, serbest SQL ise onu yalnızca okur: yönetilen tablolar yalnızca ihracat'ın komutlarıyla (load, unload) değişir; bunun yerine kendi tablolarınızı ve görünümlerinizi oluşturun\n"
    );
}

/// DuckDB's commonest errors about a user's SQL, in Turkish (written here by hand), with the
/// caret still under the word it points at; one whose words ihracat does not know stays whole in
/// DuckDB's English.
#[test]
fn duckdb_s_commonest_errors_are_said_in_turkish() {
    let w = workdir();
    let refused = |sql: &str| refused(&w, sql);
    let said = refused("SELECT provnce FROM exports");
    assert!(said.starts_with("ihracat: hata: 1. ifade (1. satır): Bağlama hatası: FROM'daki tablolarda \"provnce\" sütunu yok\nOlası sütunlar: "), "{said}");
    let line = said.lines().find(|l| l.starts_with("SATIR 1: ")).expect("the line DuckDB points at");
    assert_eq!(line, "SATIR 1: SELECT provnce FROM exports");
    let caret = said.lines().last().unwrap();
    assert_eq!(caret.find('^'), line.find("provnce"), "{said}");
    assert_eq!(caret.trim(), "^".repeat("provnce".len()));
    let said = refused("SELECT * FROM exprts");
    assert!(said.starts_with("ihracat: hata: 1. ifade (1. satır): Katalog hatası: exprts adlı tablo ya da görünüm yok\nBunu mu demek istediniz: \"exports\"?\n"), "{said}");
    assert!(refused("SELEC 1").starts_with("ihracat: hata: 1. ifade (1. satır): Ayrıştırma hatası: \"SELEC\" yakınında sözdizimi hatası\n"));
    assert!(refused("SELECT 'a'::INT").starts_with("ihracat: hata: 1. ifade (1. satır): Dönüştürme hatası: 'a' metni INT32 türüne dönüştürülemiyor\n"));
    assert!(refused("SELECT foo(1)").starts_with("ihracat: hata: 1. ifade (1. satır): Katalog hatası: foo adlı fonksiyon yok\n"));
    // The shell says them alike.
    let (_, _, stderr) = in_turkish(&w, &["shell"], "SELECT provnce FROM exports;\n");
    assert!(stderr.contains("ihracat: hata: 1. ifade (1. satır): Bağlama hatası: FROM'daki tablolarda \"provnce\" sütunu yok\n"), "{stderr}");
    let said = refused("SELECT * FROM read_csv('yok.csv')");
    assert!(said.starts_with("ihracat: hata: statement 1 (line 1): IO Error: No files found that match the pattern \"yok.csv\""), "{said}");
}

/// The shell's help, a mistyped dot-command and a named query's notice, in Turkish; the rows as
/// any locale gives them.
#[test]
fn the_shell_speaks_turkish() {
    let w = workdir();
    let (code, stdout, stderr) = in_turkish(&w, &["shell"], ".help\n.tabels\n.run top_provinces year=2025 month=10 n=2\n.timer on\nSELECT 42 AS x;\n");
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines[0], ".tables                 tabloları ve görünümleri listeler");
    assert_eq!(lines[9], ".quit                   çıkar (ya da Ctrl-D)");
    assert_eq!(lines[10], "ihracat: hata: bilinmeyen komut `.tabels`; `.tables` mı demek istediniz? (.help hepsini listeler)");
    assert_eq!(
        lines[11],
        "ihracat: not: 2025-10 için 81 ilden 8 ilin verisi var: paylar yayımlanan yılbaşından bu yana toplamlardan türetilen ulusal toplama göredir; sıralar bültenin verdiği sıralardır"
    );
    assert!(lines[12].starts_with("Süre: 0,") && lines[12].ends_with(" sn"), "{stderr}");
    assert_eq!(lines.len(), 13, "{stderr}");
    // October 2025's release: İstanbul 4,859 and Kocaeli 3,019 million dollars.
    assert!(stdout.contains("1,İstanbul,34,4859000000.00,") && stdout.contains("2,Kocaeli,41,3019000000.00,"), "{stdout}");
    assert!(stdout.ends_with("x\n42\n"), "{stdout}");
    // What `.tables` and `.schema` list, in a table for people: Turkish headings and words.
    let (code, stdout, stderr) = in_turkish(&w, &["shell"], ".mode markdown\n.tables\n.schema loads\n");
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "| Veritabanı | Ad | Tür |");
    assert!(lines.contains(&"| ihracat | exports | tablo |") && lines.contains(&"| ihracat | period_spans | görünüm |"), "{stdout}");
    assert!(lines.contains(&"| Tablo | Sütun | Veri türü | Boş olabilir |"), "{stdout}");
    assert!(lines.contains(&"| loads | load_id | INTEGER | hayır |") && lines.contains(&"| loads | basis | VARCHAR | evet |"), "{stdout}");
}

/// `queries` lists each summary in Turkish (the `summary_tr` line of its file), and `queries
/// check` says what it checked.
#[test]
fn the_query_list_and_its_check_speak_turkish() {
    let w = workdir();
    let (code, stdout, _) = in_turkish(&w, &["queries", "--format", "csv"], "");
    assert_eq!(code, 0);
    let rows = common::parse_csv(&stdout);
    let summary = |name: &str| rows.iter().find(|r| r[0] == name).map(|r| r[2].clone()).unwrap();
    let tr_line = |file: &str| {
        let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sql").join(file)).unwrap();
        text.lines().find_map(|l| l.strip_prefix("--- summary_tr").map(|s| s.trim().to_string())).unwrap()
    };
    assert_eq!(summary("top_provinces"), tr_line("rankings/top_provinces.sql"));
    assert_eq!(summary("month_facts"), tr_line("report/month_facts.sql"));
    assert_eq!(rows[0][2], "summary", "the column keeps its name");
    // `queries show` names a shipped file as the list's table does: in the reader's language.
    let (code, stdout, _) = in_turkish(&w, &["queries", "show", "concentration"], "");
    assert_eq!(code, 0);
    assert!(stdout.contains("\nkaynak: sql/shares/concentration.sql (pakette)\n"), "{stdout}");
    // As many queries as the repository's sql/ holds.
    let shipped = std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sql"))
        .unwrap()
        .flat_map(|d| std::fs::read_dir(d.unwrap().path()).unwrap())
        .filter(|f| f.as_ref().unwrap().path().extension().is_some_and(|e| e == "sql"))
        .count();
    let (code, _, stderr) = in_turkish(&w, &["queries", "check"], "");
    assert_eq!((code, stderr), (0, format!("ihracat: not: {shipped} analiz denetlendi: hepsi ayrıştırılıyor, hazırlanıyor ve örnekleriyle çalışıyor\n")));
    // A query whose columns or their types are not the ones its header declares.
    w.write("kendi/tur.sql", "--- summary  x\n--- returns  a decimal\nSELECT 1.5::DOUBLE AS a\n");
    let (code, _, stderr) = in_turkish(&w, &["--queries", "kendi", "queries", "check"], "");
    assert_eq!(code, 1);
    assert!(stderr.contains("ihracat: hata: tur (kendi/tur.sql): returns `a` için decimal bildiriyor ama sorgu Float64 veriyor\n"), "{stderr}");
    assert!(stderr.ends_with(&format!("ihracat: not: {} analiz denetlendi, 1 sorun var\n", shipped + 1)), "{stderr}");
}

/// `serve`'s address line in Turkish holds the address whole (scripts and `--open` find it), and
/// the SQL page says a refusal in the page's language.
#[test]
fn serve_says_where_it_listens_in_turkish() {
    use std::io::{BufRead, Read, Write};
    let w = workdir();
    let mut child = w
        .command(&["serve", "--port", "0"])
        .env("IHRACAT_LOCALE", "tr")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let line = lines.next().unwrap().unwrap();
    let prefix = format!("ihracat: not: {} şu adreste sunuluyor: http://127.0.0.1:", w.db().display());
    let port: u16 = line.strip_prefix(&prefix).and_then(|rest| rest.strip_suffix("/ (Ctrl-C durdurur)")).unwrap_or_else(|| panic!("{line}")).parse().unwrap();
    let page = |path: &str| {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
        let mut body = String::new();
        stream.read_to_string(&mut body).unwrap();
        body
    };
    let refused = page("/sql?q=DELETE+FROM+exports&lang=tr");
    assert!(refused.starts_with("HTTP/1.1 400"), "{refused}");
    assert!(refused.contains("burada yalnızca satır döndüren bir ifade (SELECT, FROM, WITH …) çalışır"), "{refused}");
    let english = page("/sql?q=DELETE+FROM+exports&lang=en");
    assert!(english.contains("only a statement that returns rows (SELECT, FROM, WITH …) runs here"), "{english}");
    let _ = child.kill();
    let _ = child.wait();
}

/// A command line that does not parse, in Turkish where the reader asked for it (and for `chart`,
/// which speaks Turkish unless told), in clap's layout and with its exit code 2; in English as
/// clap writes it.
#[test]
fn a_command_line_that_does_not_parse_is_refused_in_turkish() {
    let w = workdir();
    let refused = |args: &[&str], turkish: bool| {
        let mut command = w.command(args);
        if turkish {
            command.env("IHRACAT_LOCALE", "tr");
        }
        let out = command.output().unwrap();
        assert_eq!((out.status.code(), text(&out.stdout)), (Some(2), String::new()), "{args:?}");
        text(&out.stderr)
    };
    assert_eq!(
        refused(&["run", "top_provinces", "--format", "foo"], true),
        "hata: '--format <FORMAT>' için geçersiz değer: 'foo'\n  [olası değerler: table, csv, tsv, json, ndjson, markdown, parquet, arrow, xlsx]\n\n\
         Daha fazla bilgi için '--help' deneyin.\n"
    );
    assert_eq!(
        refused(&["run", "--bogus"], true),
        "hata: beklenmeyen argüman: '--bogus'\n\n  ipucu: '--bogus' bir değer olarak verilecekse '-- --bogus' yazın\n\n\
         Kullanım: ihracat run [OPTIONS] <NAME>\n\nDaha fazla bilgi için '--help' deneyin.\n"
    );
    assert_eq!(refused(&["rnu"], true), "hata: bilinmeyen komut: 'rnu'\n\nKullanım: ihracat [OPTIONS] <KOMUT>\n\nDaha fazla bilgi için '--help' deneyin.\n");
    assert_eq!(
        refused(&["run", "x", "--max-rows", "3", "--max-rows", "4"], true),
        "hata: '--max-rows <N>' argümanı bir kereden çok verilemez\n\nKullanım: ihracat run [OPTIONS] <NAME>\n\nDaha fazla bilgi için '--help' deneyin.\n"
    );
    // chart speaks Turkish unless told, and --lang en tells it.
    let turkish = "hata: '--kind <KIND>' için geçersiz değer: 'pie'\n  [olası değerler: bar, line, map]\n\n  ipucu: benzer bir değer var: 'line'\n\n\
                   Daha fazla bilgi için '--help' deneyin.\n";
    assert_eq!(refused(&["chart", "top_provinces", "--kind", "pie"], false), turkish);
    assert_eq!(
        refused(&["chart", "top_provinces", "--kind", "pie", "--lang", "en"], false),
        "error: invalid value 'pie' for '--kind <KIND>'\n  [possible values: bar, line, map]\n\n  tip: a similar value exists: 'line'\n\n\
         For more information, try '--help'.\n"
    );
    // A refusal with no Turkish words here stays whole in clap's English.
    assert_eq!(refused(&["serve", "--port", "abc"], true), "error: invalid value 'abc' for '--port <PORT>': invalid digit found in string\n\nFor more information, try '--help'.\n");
}

/// `--help` in Turkish when asked for (IHRACAT_LOCALE=tr, --locale tr, --lang tr): every
/// command's description, options, defaults, choices and clap's headings; the examples as
/// written. A chart is drawn in Turkish by default, but its help follows what the reader asked.
#[test]
fn help_is_in_turkish_when_asked_for() {
    let w = workdir();
    let help = |args: &[&str], turkish: bool| {
        let mut command = w.command(args);
        if turkish {
            command.env("IHRACAT_LOCALE", "tr");
        }
        let out = command.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    };
    let run = help(&["run", "--help"], true);
    for line in [
        "Katalogdaki adlandırılmış bir analizi çalıştırır.",
        "Örnekler:",
        "  ihracat run top_provinces -p year=2025 -p month=10 -p n=5",
        "Kullanım: ihracat run [OPTIONS] <NAME>",
        "Argümanlar:",
        "          Analizin adı (bkz. `ihracat queries`)",
        "Seçenekler:",
        "  -p, --param <NAME=VALUE>",
        "          name=value biçiminde bir parametre; birden çok verilebilir",
        "          - csv: Başlık satırıyla RFC 4180 CSV (stdout terminal değilken varsayılan)",
        "          -o dosyası varsa yerine yazar",
    ] {
        assert!(run.lines().any(|l| l == line), "`{line}` not in:\n{run}");
    }
    assert!(run.contains("Bir tablonun kısaltmadan önce gösterdiği satır sayısı (0: hepsi) [varsayılan: 40]"), "{run}");
    // Every command and its subcommands: no heading or phrase of clap's English, and none of the
    // English help's prose lines.
    let english_markers = ["Usage:", "Options:", "Arguments:", "Commands:", "Print help", "Print version", "[default:", "[env:", "ossible values", "Examples:", "Example:"];
    let commands = [
        "", "provinces", "provinces resolve", "countries", "products", "queries", "queries show", "queries check", "load", "loads", "unload", "run",
        "chart", "sql", "shell", "export", "report", "serve", "mcp", "info", "completions", "generate",
    ];
    for command in commands {
        let mut args: Vec<&str> = command.split_whitespace().collect();
        args.push("--help");
        let (turkish, english) = (help(&args, true), help(&args, false));
        for marker in english_markers {
            assert!(!turkish.contains(marker), "`ihracat {command} --help` keeps `{marker}`:\n{turkish}");
        }
        let prose: Vec<&str> = english.lines().map(str::trim).filter(|l| l.len() > 30 && !l.contains("ihracat ") && !l.starts_with('-') && !l.starts_with('.') && !l.starts_with('{')).collect();
        for line in turkish.lines().map(str::trim) {
            assert!(!prose.contains(&line), "`ihracat {command} --help` keeps the English `{line}`");
        }
        // The examples are commands, the same in both languages: a Turkish help that lacks one
        // the English help gained has drifted.
        let examples = |help: &str| help.lines().filter(|l| l.starts_with("  ihracat ")).map(str::to_string).collect::<Vec<_>>();
        assert_eq!(examples(&turkish), examples(&english), "`ihracat {command} --help`: the examples differ");
    }
    // chart: Turkish help only when asked, though it draws in Turkish by default.
    assert!(help(&["chart", "--help"], false).starts_with("Draw a named query's result"));
    assert!(help(&["chart", "--lang", "tr", "--help"], false).starts_with("Adlandırılmış bir analizin sonucunu çizer"));
}

/// The tables for people (the terminal table, Markdown) in Turkish: a workbook's headings and
/// words, digits grouped the Turkish way, the count of rows said in Turkish; the machine formats
/// keep their names and codes.
#[test]
fn tables_for_people_speak_turkish() {
    let w = workdir();
    // October 2025's release (ekiphaber, haberler): İstanbul 4,859 million dollars, 6.1 % down on
    // 5,175; Kocaeli 3,019, up 6.7 %; 8 provinces known.
    let markdown = w.stdout(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=2", "--format", "markdown", "--locale", "tr"]);
    let lines: Vec<&str> = markdown.lines().collect();
    assert_eq!(
        lines[0],
        "| Sıra | İl | Kod | Değer ($) | Pay (%) | Değişim ($) | Değişim (%) | Önceki değer ($) | Değişimin kaynağı | Sıranın kaynağı | Verisi olan il | Payın paydası | Kaynak türü | Kaynak | Önceki değerin kaynağı |"
    );
    assert!(
        lines[2].starts_with("| 1 | İstanbul | 34 | 4.859.000.000 | 20,2 | -316.000.000 | -6,1 | 5.175.000.000 | yayımlandı | yayımlandı | 8 | yayımlanan yılbaşından bu yana toplamlardan türetilen ulusal toplam | yayımlandı | https://"),
        "{markdown}"
    );
    assert!(lines[3].starts_with("| 2 | Kocaeli | 41 | 3.019.000.000 |"), "{markdown}");
    let csv = w.stdout(&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=2", "--format", "csv", "--locale", "tr"]);
    assert!(csv.starts_with("rank,province,code,value_usd,") && csv.contains(",published,published,8,"), "{csv}");
    // A provenance note as the release copies wrote it, in English under a heading that says so,
    // and beside it in Turkish (March 2024's İstanbul change, printed -23, probably -2.3).
    let releases = w.stdout(&["run", "releases", "-p", "year=2024", "-p", "month=3", "--format", "markdown", "--locale", "tr"]);
    assert!(releases.lines().next().unwrap().ends_with(" | Kaynak | Not (İngilizce) | Not |"), "{releases}");
    assert!(releases.contains("| İstanbul | -23 | % | 1 | hayır |  | 2024-03 | https://"), "{releases}");
    assert!(releases.contains(" | change printed as -23, probably -2.3 | değişim -23 olarak basılmış, muhtemelen -2,3 |"), "{releases}");
    // Every note a Turkish reader can meet has its Turkish: none is left in English alone.
    let untranslated = w.stdout(&["sql", "SELECT count(*) AS n FROM published_figures WHERE note IS NOT NULL AND coalesce(note_tr, '') = ''", "--format", "csv"]);
    assert_eq!(untranslated, "n\n0\n");
    let notes = w.stdout(&["sql", "SELECT count(DISTINCT note) AS n FROM published_figures", "--format", "csv"]);
    assert_ne!(notes, "n\n0\n", "the bundled data has notes to translate");
    let table = w.command(&["sql", "FROM range(1200) t(i)", "--format", "table", "--max-rows", "4", "--locale", "tr"]).env("COLUMNS", "100").output().unwrap();
    assert!(text(&table.stdout).ends_with("(1.200 satır, 4 tanesi gösteriliyor; --max-rows 0 hepsini gösterir, --format csv onları bir programa verir)\n"), "{}", text(&table.stdout));
}

/// A file that would be replaced, a chart's column that is not there, names that do not resolve:
/// said in Turkish, with the names and columns as written.
#[test]
fn more_refusals_are_said_in_turkish() {
    let w = workdir();
    let csv = w.write("var.csv", "x\n1\n");
    let (code, _, stderr) = in_turkish(&w, &["export", "--sql", "SELECT 1", "--to", csv.to_str().unwrap()], "");
    assert_eq!((code, stderr), (1, format!("ihracat: hata: {} zaten var; yerine yazmak için --overwrite ekleyin\n", csv.display())));
    let svg = w.path("c.svg");
    let (code, _, stderr) = in_turkish(&w, &["chart", "top_provinces", "-p", "year=2025", "-p", "month=10", "--value", "nope", "-o", svg.to_str().unwrap()], "");
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "ihracat: hata: `top_provinces` analizinin çizilecek `nope` adında sayısal bir sütunu yok; sayısal sütunları: rank, code, value_usd, share_pct, change_usd, change_pct, previous_usd, panel\n"
    );
    let (code, _, stderr) = in_turkish(&w, &["provinces", "resolve", "Ankaraa", "Bursa"], "");
    assert_eq!(code, 1);
    assert_eq!(stderr, "ihracat: hata: bilinmeyen il `Ankaraa`; şunlardan birini mi demek istediniz: Ankara, Afyonkarahisar, Aksaray?\nihracat: hata: 2 addan 1 tanesi tanınmadı\n");
    // Arguments, files and charts a command refuses, each in Turkish (these were English under
    // `hata:`), and export's refusal of a name that says a format it does not write.
    w.write("a.csv", "il,yıl,ay,ihracat\nBursa,2025,1,5\n");
    std::fs::create_dir_all(w.path("klasor")).unwrap();
    for (args, said) in [
        (&["run", "top_provinces", "-p", "year"][..], "`year` bir parametre değil: ad=değer biçiminde yazın, -p year=2025 gibi"),
        (&["export", "--sql", "SELECT 1 AS a", "--to", "x.txt"][..], "export `.txt` dosyası yazamaz (x.txt): parquet, csv, json ya da xlsx yazar; --to için .parquet, .csv, .json ya da .xlsx uzantılı bir ad ya da --format verin"),
        (&["export", "--sql", "SELECT 1 AS a", "--to", "x.xlsx", "--partition-by", "a"][..], "bir Excel çalışma kitabı tek bir dosyadır: --partition-by parquet, csv ya da json klasörleri yazar"),
        (&["--read-only", "load", "a.csv", "--basis", "activity"][..], "--read-only verildi, ama bu komut yazar"),
        (&["sql", "SELECT 1", "-o", "x.foo"][..], "x.foo dosyasının biçimi uzantısından anlaşılamıyor; --format ekleyin"),
        (&["serve", "--time-limit", "0"][..], "--time-limit 0: 0'dan büyük, en çok 3600 saniye bekleniyor"),
        (&["chart", "top_provinces", "-p", "year=2025", "-p", "month=10", "-o", "x.gif"][..], "grafikler .svg ya da .png olarak yazılır, .gif olarak değil: dosyayı öyle adlandırın ya da --format svg|png verin"),
        (&["chart", "releases", "-p", "year=2025", "-p", "month=10", "-o", "r.svg"][..], "`releases` analizinin kendi grafiği yok (`--- chart` satırı yok): --kind bar, line ya da map ile birini seçin"),
        (&["chart", "national_summary", "-p", "year=2025", "-p", "month=10", "--kind", "map", "-o", "m.svg"][..], "harita her satırda bir il ister (`code` ya da `province` sütunu); `national_summary` analizinde ikisi de yok"),
        (&["load", "klasor", "--basis", "activity", "--input-format", "csv"][..], "klasor: sıradan bir dosya değil; load dosya olarak kaydedilmiş tabloları okur"),
        (&["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "--format", "csv", "-o", "klasor"][..], "klasor bir klasör, dosya değil"),
        (&["sql", "SELECT 1", "-o", "yok/x.csv"][..], "1. ifade (1. satır): yok/x.csv yazılırken: böyle bir dosya ya da klasör yok"),
        // A month written as `report --month` takes it: the analysis says how to give it.
        (
            &["run", "top_provinces", "-p", "month=2025-10"][..],
            "`month` parametresi: `2025-10` geçerli değil: bu bir yıl ve bir ay; her birini kendi parametresiyle verin: year=2025 ve month=10",
        ),
    ] {
        let (code, _, stderr) = in_turkish(&w, args, "");
        assert_eq!((code, stderr), (1, format!("ihracat: hata: {said}\n")), "{args:?}");
    }
    // The same refusal in English where none was asked for.
    let english = w.command(&["export", "--sql", "SELECT 1 AS a", "--to", "x.txt"]).output().unwrap();
    assert_eq!(
        text(&english.stderr),
        "ihracat: error: export cannot write `.txt` files (x.txt): it writes parquet, csv, json or xlsx; give --to a .parquet, .csv, .json or .xlsx name, or --format\n"
    );
}

/// What names resolve to, in a Turkish reader's table: the headings and how a code matched, with
/// the names as written; the refusal on stderr. Machine formats keep the codes a script reads.
#[test]
fn names_resolve_in_turkish() {
    let w = workdir();
    // Afyon is Afyonkarahisar (plate 03); 34 is İstanbul's plate; 8703 is a heading of chapter 87;
    // ISO 3166-1 number 276 is Germany.
    let out = w.command(&["provinces", "resolve", "afyon", "34", "Ankaraa", "--locale", "tr", "--format", "markdown"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[..4], ["| Girilen | Kod | Ad | Eşleşen |", "| --- | --- | --- | --- |", "| afyon | 3 | Afyonkarahisar | Afyon |", "| 34 | 34 | İstanbul | plaka kodu |"], "{stdout}");
    // Why a name did not resolve, in Turkish in the table as on stderr; CSV keeps the English
    // sentence a script reads.
    assert_eq!(lines[4], "| Ankaraa |  |  | tanınmadı: bilinmeyen il `Ankaraa`; şunlardan birini mi demek istediniz: Ankara, Afyonkarahisar, Aksaray? |", "{stdout}");
    assert_eq!(text(&out.stderr), "ihracat: hata: bilinmeyen il `Ankaraa`; şunlardan birini mi demek istediniz: Ankara, Afyonkarahisar, Aksaray?\nihracat: hata: 3 addan 1 tanesi tanınmadı\n");
    let products = w.stdout(&["products", "resolve", "8703", "--locale", "tr", "--format", "markdown"]);
    assert!(products.ends_with(" | 87. fasılda GTİP pozisyonu |\n"), "{products}");
    let countries = w.stdout(&["countries", "resolve", "iso:276", "--locale", "tr", "--format", "markdown"]);
    assert_eq!(countries.lines().nth(2), Some("| iso:276 | DE | Almanya | ISO 3166-1 sayısal kodu |"));
    // A bare number is refused, in Turkish: 004 is Germany in Turkish tables, Afghanistan in ISO.
    let number = w.command(&["countries", "resolve", "004", "--locale", "tr", "--format", "markdown"]).output().unwrap();
    assert_eq!(number.status.code(), Some(1));
    assert!(text(&number.stdout).contains("| 004 |  |  | tanınmadı: ülke `004`: bir sayı iki türlü okunur"), "{}", text(&number.stdout));
    assert!(text(&number.stderr).starts_with("ihracat: hata: ülke `004`: bir sayı iki türlü okunur (Türkiye'nin tabloları AB ülke nomenklatürünü kullanır, orada 004 Almanya'dır; ISO 3166'da 004 Afganistan'dır): ISO numarası için iso:004 yazın\n"), "{}", text(&number.stderr));
    let csv = w.stdout(&["provinces", "resolve", "34", "--locale", "tr", "--format", "csv"]);
    assert_eq!(csv, "input,code,name,matched\n34,34,İstanbul,plate code\n");
    let csv = w.command(&["provinces", "resolve", "Ankaraa", "--locale", "tr", "--format", "csv"]).output().unwrap();
    assert!(text(&csv.stdout).contains("Ankaraa,,,\"not resolved: unknown province `Ankaraa`; did you mean one of: Ankara, "), "{}", text(&csv.stdout));
}

/// A Turkish locale asks for Turkish as IHRACAT_LOCALE=tr does: a reader whose LANG is
/// tr_TR.UTF-8 gets the Turkish table, its notice, the errors and `--help` in Turkish.
/// IHRACAT_LOCALE and LC_ALL, said outright, come before LANG.
#[test]
fn a_turkish_lang_is_a_turkish_reader() {
    let w = workdir();
    let with = |env: &[(&str, &str)], args: &[&str]| {
        let mut command = w.command(args);
        for (key, value) in env {
            command.env(key, value);
        }
        let out = command.output().unwrap();
        (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
    };
    let turkish = [("LANG", "tr_TR.UTF-8")];
    let (code, _, stderr) = with(&turkish, &["run", "top_provinces", "-p", "year=2025"]);
    assert_eq!((code, stderr.as_str()), (1, "ihracat: hata: `month` parametresi: zorunlu (int)\n"));
    let (code, stdout, stderr) = with(&turkish, &["run", "top_provinces", "-p", "year=2025", "-p", "month=10", "-p", "n=1", "--format", "markdown"]);
    assert_eq!(code, 0);
    assert!(stderr.starts_with("ihracat: not: 2025-10 için 81 ilden 8 ilin verisi var"), "{stderr}");
    assert!(stdout.contains("| 1 | İstanbul | 34 | 4.859.000.000 |"), "{stdout}");
    let (_, help, _) = with(&turkish, &["--help"]);
    assert!(help.starts_with("Türkiye'nin il bazında ihracat istatistikleri"), "{help}");

    let (_, _, stderr) = with(&[("LANG", "tr_TR.UTF-8"), ("IHRACAT_LOCALE", "en")], &["run", "top_provinces", "-p", "year=2025"]);
    assert_eq!(stderr, "ihracat: error: parameter `month`: is required (int)\n");
    let (_, _, stderr) = with(&[("LANG", "tr_TR.UTF-8"), ("LC_ALL", "C.UTF-8")], &["run", "top_provinces", "-p", "year=2025"]);
    assert_eq!(stderr, "ihracat: error: parameter `month`: is required (int)\n");
    let (_, _, stderr) = with(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "tr_TR.UTF-8")], &["run", "top_provinces", "-p", "year=2025"]);
    assert_eq!(stderr, "ihracat: hata: `month` parametresi: zorunlu (int)\n");
}
