//! The words of ihracat's errors and notes in Turkish: a form's and a command's (a parameter, an
//! analysis's refusal, the database's notes), and a load's refusals, notes and warnings, each
//! read by its English template (`{}` where a value goes) and said again in Turkish with the same
//! values. A message no template knows stays in English, as it was written: a sentence half
//! translated would say less than the original.
//!
//! The English is written once, where the error is made (the load's checks, the catalog); the
//! templates here follow it, and the tests that load bad files in Turkish fail when one drifts.

use crate::codes::{fill, matches};
use crate::language::Language;

mod duckdb;

/// Messages a reader may meet on a page or the command line (a form's errors, an analysis's
/// refusal): (English, Turkish).
const MESSAGES: &[(&str, &str)] = &[
    // `report`'s arguments, beyond what clap checks.
    ("--year {} and --month {} name different years: give one of them", "--year {=0} ile --month {=1} farklı yılları gösteriyor: yalnızca birini verin"),
    ("--month {} needs --year, or the month with its year, such as --month {}", "--month {=0} için --year de gerekir, ya da ayı yılıyla verin (--month {=1} gibi)"),
    ("`{}` is not a valid {}: {} is outside {}", "`{0}` geçerli değil: {3} aralığının dışında"),
    ("`{}` is not a valid {}: expected a whole number", "`{0}` geçerli değil: bir tam sayı bekleniyor"),
    ("`{}` is not a valid {}: expected one of {}", "`{0}` geçerli değil: şunlardan biri bekleniyor: `{2}`"),
    ("`{}` is not a valid {}: expected true or false", "`{0}` geçerli değil: true ya da false bekleniyor"),
    ("`{}` is not a valid {}: expected a name or a code", "`{0}` geçerli değil: bir ad ya da kod bekleniyor"),
    ("`{}` is not a valid {}: the number {} is not a {}", "`{0}` geçerli değil: sayı beklenen türde değil"),
    ("`{}` is not a valid {}: an empty list: give at least one value (a,b), or leave the parameter out", "`{0}` geçerli değil: boş liste; en az bir değer verin (a,b) ya da parametreyi boş bırakın"),
    ("`{}` is not a valid {}: write a list as its items, comma-separated (a,b), not `{}`", "`{0}` geçerli değil: listeyi öğeleriyle, virgülle ayırarak yazın (a,b), `{2}` biçiminde değil"),
    ("`{}` is not a valid {}: {}", "`{0}` geçerli değil: {2}"),
    ("is required ({})", "zorunlu ({0})"),
    ("is given twice", "iki kez verilmiş"),
    ("wrote 1 row to {}", "1 satır yazıldı: {=0}"),
    ("wrote {} rows to {}", "{0} satır yazıldı: {=1}"),
    ("drew a bar chart of `{}` to {}", "`{0}` için çubuk grafik çizildi: {=1}"),
    ("drew a line chart of `{}` to {}", "`{0}` için çizgi grafik çizildi: {=1}"),
    ("drew a map chart of `{}` to {}", "`{0}` için harita çizildi: {=1}"),
    ("there is no load {} (ihracat loads lists them)", "{0} numaralı bir yükleme yok (ihracat loads hepsini listeler)"),
    ("there is no load {} (`ihracat loads` lists them)", "{0} numaralı bir yükleme yok (`ihracat loads` hepsini listeler)"),
    ("unloaded load {}: {} rows removed, {} replaced rows restored", "{0} numaralı yükleme kaldırıldı: {1} satır silindi, yerine geçtiği {2} satır geri getirildi"),
    ("unloaded load {}: 1 row removed, {} replaced rows restored", "{0} numaralı yükleme kaldırıldı: 1 satır silindi, yerine geçtiği {1} satır geri getirildi"),
    ("unloaded load {}: {} rows removed, 1 replaced row restored", "{0} numaralı yükleme kaldırıldı: {1} satır silindi, yerine geçtiği 1 satır geri getirildi"),
    ("unloaded load {}: 1 row removed, 1 replaced row restored", "{0} numaralı yükleme kaldırıldı: 1 satır silindi, yerine geçtiği 1 satır geri getirildi"),
    // What `queries check` finds in a query's header and SQL.
    (
        "{}: unknown header key `{}` (did you mean `{}`?); the keys are {}",
        "{=0}: bilinmeyen başlık anahtarı `{1}` (`{2}` mı demek istediniz?); anahtarlar: {=3}",
    ),
    ("{}: unknown header key `{}`; the keys are {}", "{=0}: bilinmeyen başlık anahtarı `{1}`; anahtarlar: {=2}"),
    ("has required parameters but no `--- example` to check them with", "zorunlu parametreleri var ama onları denetleyecek bir `--- example` yok"),
    ("query `{}` uses ${}, which its header does not declare", "`{0}` sorgusu ${=1} kullanıyor ama başlığı bunu bildirmiyor"),
    ("query `{}` declares parameter `{}` but its SQL never uses ${}", "`{0}` sorgusu `{1}` parametresini bildiriyor ama SQL'i ${=2} hiç kullanmıyor"),
    ("query `{}` ({}): must be one SELECT statement (it may not change anything)", "`{0}` sorgusu ({=1}): tek bir SELECT ifadesi olmalı (hiçbir şeyi değiştiremez)"),
    ("{} queries checked: all parse, prepare and run their examples", "{0} analiz denetlendi: hepsi ayrıştırılıyor, hazırlanıyor ve örnekleriyle çalışıyor"),
    ("returns declares columns [{}] but the query gives [{}]", "returns [{=0}] sütunlarını bildiriyor ama sorgu [{=1}] veriyor"),
    ("returns declares `{}` {} but the query gives {}", "returns `{0}` için {=1} bildiriyor ama sorgu {=2} veriyor"),
    ("{} queries checked, 1 problem", "{0} analiz denetlendi, 1 sorun var"),
    ("{} queries checked, {} problems", "{0} analiz denetlendi, {1} sorun var"),
    ("serving {} on http://{} (Ctrl-C stops)", "{=0} şu adreste sunuluyor: http://{=1} (Ctrl-C durdurur)"),
    ("listening on {}: anyone who can reach this machine can read the database", "{=0} adresinde dinleniyor: bu makineye erişebilen herkes veritabanını okuyabilir"),
    (
        "your {} stands in for the managed `{}` in ad-hoc SQL (ihracat.main.{} is the managed one); named queries read the managed tables",
        "sizin {=0} nesneniz serbest SQL'de yönetilen `{1}` yerine okunuyor (yönetilen: ihracat.main.{=2}); adlandırılmış analizler yönetilen tabloları okur",
    ),
    (
        "your {} stands in for the managed `{}` in this shell's SQL (ihracat.main.{} is the managed one); named queries and .run read the managed tables",
        "sizin {=0} nesneniz bu kabuğun SQL'inde yönetilen `{1}` yerine okunuyor (yönetilen: ihracat.main.{=2}); adlandırılmış analizler ve .run yönetilen tabloları okur",
    ),
    ("1 row changed", "1 satır değişti"),
    ("{} rows changed", "{0} satır değişti"),
    ("give the SQL as an argument, with -f FILE, or as - to read stdin", "SQL'i bir argüman olarak, -f FILE ile ya da stdin'den okumak için - olarak verin"),
    ("no SQL statement to run", "çalıştırılacak SQL ifadesi yok"),
    ("no SQL statement", "SQL ifadesi yok"),
    ("only a statement that returns rows (SELECT, FROM, WITH …) runs here", "burada yalnızca satır döndüren bir ifade (SELECT, FROM, WITH …) çalışır"),
    ("one statement at a time: this text has {}", "bir seferde bir ifade: bu metinde {0} ifade var"),
    (
        "DuckDB reads this as {} statements (a quote or comment that ihracat's splitter reads otherwise); end each statement with its own semicolon",
        "DuckDB bunu {0} ifade olarak okuyor (ihracat'ın ayırıcısının başka türlü okuduğu bir tırnak ya da yorum var); her ifadeyi kendi noktalı virgülüyle bitirin",
    ),
    (
        "this command only reads, and DuckDB reads this statement as something other than a query (SELECT, FROM, WITH, VALUES, SHOW, DESCRIBE, SUMMARIZE, or EXPLAIN of one); add --write to create your own tables and views in the workspace",
        "bu komut yalnızca okur ve DuckDB bu ifadeyi bir sorgudan (SELECT, FROM, WITH, VALUES, SHOW, DESCRIBE, SUMMARIZE ya da bunlardan birinin EXPLAIN'i) başka bir şey olarak okuyor; çalışma alanında kendi tablolarınızı ve görünümlerinizi oluşturmak için --write ekleyin",
    ),
    (
        "EXPLAIN ANALYZE runs the statement it explains; ad-hoc SQL explains without running (EXPLAIN SELECT …)",
        "EXPLAIN ANALYZE açıkladığı ifadeyi çalıştırır; serbest SQL çalıştırmadan açıklar (EXPLAIN SELECT …)",
    ),
    (
        "ad-hoc SQL cannot attach, detach or switch databases: the managed database stays read-only, and your own tables live in the workspace (sql --write)",
        "serbest SQL veritabanı bağlayamaz, ayıramaz ya da değiştiremez: yönetilen veritabanı salt okunur kalır, kendi tablolarınız çalışma alanında durur (sql --write)",
    ),
    (
        "ad-hoc SQL does not write or import files: `ihracat export --sql \"…\" --to FILE` writes a result (and checks what it replaces); read a file with read_csv(…) or `ihracat load`",
        "serbest SQL dosya yazmaz ya da içe aktarmaz: bir sonucu `ihracat export --sql \"…\" --to FILE` yazar (ve neyin yerine yazdığını denetler); bir dosyayı read_csv(…) ya da `ihracat load` ile okuyun",
    ),
    (
        "DuckDB's settings are ihracat's options (--memory-limit, --threads, --temp-dir); ad-hoc SQL cannot change them",
        "DuckDB'nin ayarları ihracat'ın seçenekleridir (--memory-limit, --threads, --temp-dir); serbest SQL onları değiştiremez",
    ),
    ("ihracat does not install or load DuckDB extensions", "ihracat DuckDB eklentisi kurmaz ya da yüklemez"),
    (
        "ad-hoc SQL runs each statement as written; a parameterised query is a named query (`ihracat queries`, and `--queries DIR` for your own)",
        "serbest SQL her ifadeyi yazıldığı gibi çalıştırır; parametreli bir sorgu adlandırılmış bir analizdir (`ihracat queries`; kendi analizleriniz için `--queries DIR`)",
    ),
    ("ad-hoc SQL calls table functions in a query: SELECT * FROM function(…)", "serbest SQL tablo fonksiyonlarını bir sorgunun içinde çağırır: SELECT * FROM function(…)"),
    ("ihracat keeps no DuckDB secrets", "ihracat DuckDB gizli bilgileri (secret) tutmaz"),
    (
        "only reading pragmas (table_info, show_tables, database_list, database_size, storage_info, version, platform, functions) are allowed in ad-hoc SQL",
        "serbest SQL'de yalnızca okuyan pragma'lara izin verilir (table_info, show_tables, database_list, database_size, storage_info, version, platform, functions)",
    ),
    (
        "{} would change the managed database: this command only reads (add --write to create your own tables and views in the workspace; the managed tables change only through ihracat's commands)",
        "{0} yönetilen veritabanını değiştirirdi: bu komut yalnızca okur (çalışma alanında kendi tablolarınızı ve görünümlerinizi oluşturmak için --write ekleyin; yönetilen tablolar yalnızca ihracat'ın komutlarıyla değişir)",
    ),
    (
        "{} would change the managed database, which ad-hoc SQL only reads: the managed tables change only through ihracat's commands (load, unload); create your own tables and views instead",
        "{0} yönetilen veritabanını değiştirirdi, serbest SQL ise onu yalnızca okur: yönetilen tablolar yalnızca ihracat'ın komutlarıyla (load, unload) değişir; bunun yerine kendi tablolarınızı ve görünümlerinizi oluşturun",
    ),
    ("unknown command .{}; did you mean .{}? (.help lists them)", "bilinmeyen komut `.{0}`; `.{1}` mı demek istediniz? (.help hepsini listeler)"),
    ("unknown command .{} (.help lists them)", "bilinmeyen komut `.{0}` (.help hepsini listeler)"),
    ("unknown mode `{}`", "bilinmeyen biçim `{0}`"),
    ("binary formats go to files: use `ihracat sql -o FILE`", "ikili biçimler dosyaya yazılır: `ihracat sql -o FILE` kullanın"),
    ("query cancelled", "sorgu iptal edildi"),
    ("{} exists; add --overwrite to replace it", "{=0} zaten var; yerine yazmak için --overwrite ekleyin"),
    ("`{}` has no numeric column `{}` to draw; its numeric columns are none", "`{0}` analizinin çizilecek `{1}` adında sayısal bir sütunu yok; hiç sayısal sütunu yok"),
    ("`{}` has no numeric column `{}` to draw; its numeric columns are {}", "`{0}` analizinin çizilecek `{1}` adında sayısal bir sütunu yok; sayısal sütunları: {=2}"),
    ("`{}` has no numeric column to draw", "`{0}` analizinin çizilecek sayısal bir sütunu yok"),
    ("{} of {} names did not resolve", "{1} addan {0} tanesi tanınmadı"),
    ("not resolved: {}", "tanınmadı: {=0}"),
    (
        "country `{}`: a number is ambiguous (Turkish tables use the EU geonomenclature, where 004 is Germany; in ISO 3166 004 is Afghanistan): write iso:{} for the ISO number",
        "ülke `{0}`: bir sayı iki türlü okunur (Türkiye'nin tabloları AB ülke nomenklatürünü kullanır, orada 004 Almanya'dır; ISO 3166'da 004 Afganistan'dır): ISO numarası için iso:{=1} yazın",
    ),
    ("created database {} with the bundled data ({})", "{=0} veritabanı paketteki veriyle oluşturuldu ({=1})"),
    ("migrated database {} from schema version {} to {}", "{=0} veritabanının şeması güncellendi (sürüm {1} → {2})"),
    ("refreshed the bundled data in {} from {} to {} (your loaded rows are kept)", "{=0} içindeki paket verisi yenilendi ({=1} → {=2}; yüklediğiniz satırlar korundu)"),
    ("`{}` has no such parameter; did you mean `{}`?", "`{0}` analizinin böyle bir parametresi yok; `{1}` mı demek istediniz?"),
    ("`{}` has no such parameter (it takes: {})", "`{0}` analizinin böyle bir parametresi yok (aldıkları: {1})"),
    (
        "market_concentration needs complete tables by country: no province has detail adding up to its total for the period (the bundled detail is the releases' top three; a table that is the whole of its province-months loads with --complete)",
        "market_concentration ülkelere göre tam tablolar gerektirir: dönem için hiçbir ilin ayrıntısı toplamına eşit değil (paketteki ayrıntı bültenlerin ilk üçüdür; il-aylarının tamamı olan bir tablo `--complete` ile yüklenir)",
    ),
    (
        "market_concentration needs the complete table of the province's exports by country for the period; the detail present adds up to {} of its total {} (a table that is the whole of its province-months loads with --complete)",
        "market_concentration ilin dönem için ülkelere göre ihracatının tam tablosunu gerektirir; bulunan ayrıntının toplamı {0}, ilin toplamı {1} (il-aylarının tamamı olan bir tablo `--complete` ile yüklenir)",
    ),
    (
        "new_markets needs the province's complete table by country for the period and a year earlier; the detail present is complete for the period: {}, a year earlier: {} (a table that is the whole of its province-months loads with --complete)",
        "new_markets ilin dönem ve bir yıl öncesi için ülkelere göre tam tablosunu gerektirir; bulunan ayrıntı dönem için tam mı: {0}, bir yıl önce için tam mı: {1} (il-aylarının tamamı olan bir tablo `--complete` ile yüklenir)",
    ),
    (
        "province_specialisation needs every province's complete table by product for the period; {} of {} provinces with data have one (the bundled detail is the releases' top three; a table that is the whole of its province-months loads with --complete)",
        "province_specialisation verisi olan her ilin dönem için ürünlere göre tam tablosunu gerektirir; verisi olan {1} ilden {0} ilinki tam (paketteki ayrıntı bültenlerin ilk üçüdür; il-aylarının tamamı olan bir tablo `--complete` ile yüklenir)",
    ),
];

/// A header's `check` broken: (English, Turkish). The parameter checked against is named as the
/// form labels it, with the name a command line gives (`{1}` below is "İlk yıl (`from_year`)").
const CHECKS: &[(&str, &str)] = &[
    ("`{}` must not be less than `{}` (`{}`)", "`{0}`, {1} değerinden (`{2}`) küçük olamaz"),
    ("`{}` must be greater than `{}` (`{}`)", "`{0}`, {1} değerinden (`{2}`) büyük olmalı"),
];

/// A load's refusals, notes and warnings said whole: (English, Turkish). The first value of a
/// refusal is the file or the place (file and line or row), said as `place` says it. The longer
/// of two templates that share a start comes first.
const LOAD: &[(&str, &str)] = &[
    ("{}: no data rows below the header (line {})", "{=0}: başlığın altında veri satırı yok (satır {1})"),
    (
        "{}: the total row disagrees with the provinces in {} columns ({}), as the cells refused above (lines {}) would make it: correct those first",
        "{=0}: toplam satırı {1} sütunda ({2}) illerin toplamıyla uyuşmuyor; yukarıda reddedilen hücreler (satırlar {3}) bunu açıklıyor: önce onları düzeltin",
    ),
    (
        "{}: column {}: `{}`: a cell beyond the header's {} columns: the line is not laid out as the header says (a number with a decimal comma in a comma-separated file must be quoted, as \"1.234,5\")",
        "{=0}: {1}. sütun: `{2}`: başlığın {3} sütununun ötesinde bir hücre: satır başlığın dediği gibi dizilmemiş (virgülle ayrılmış bir dosyada ondalık virgüllü bir sayı tırnak içinde yazılır, \"1.234,5\" gibi)",
    ),
    (
        "{}: say which basis the figures are on: --basis activity (the Ministry's province of activity) or --basis registered (TİM's registered province); mixing them gives wrong sums",
        "{=0}: rakamların hangi esasta olduğunu belirtin: --basis activity (Ticaret Bakanlığı'nın faaliyet ili) ya da --basis registered (TİM'in kayıtlı ili); ikisini karıştırmak yanlış toplamlar verir",
    ),
    (
        "{}: no header row names a province column (such as İl, İller, Province): is the first column the province?",
        "{=0}: hiçbir başlık satırında il sütunu yok (İl, İller, Province gibi): ilk sütun il mi?",
    ),
    (
        "{}: line {}: \"{}\" says the values are in {}: ihracat stores US dollars and has no exchange rates; convert the table to USD first",
        "{=0}: satır {1}: \"{2}\" değerlerin {3} cinsinden olduğunu söylüyor: ihracat ABD doları saklar ve döviz kurlarını bilmez; önce tabloyu dolara çevirin",
    ),
    (
        "{}: line {}: column \"{}\" names a month but not its year, and the lines above the header state no year: give it with --year YYYY",
        "{=0}: satır {1}: \"{2}\" sütunu bir ay adlandırıyor ama yılını vermiyor ve başlığın üstündeki satırlar bir yıl belirtmiyor: yılı --year YYYY ile verin",
    ),
    (
        "{}: line {}: column \"{}\" names a month but not its year, and the lines above the header state several years ({}): give it with --year YYYY",
        "{=0}: satır {1}: \"{2}\" sütunu bir ay adlandırıyor ama yılını vermiyor ve başlığın üstündeki satırlar birden çok yıl belirtiyor ({3}): yılı --year YYYY ile verin",
    ),
    (
        "{}: line {}: two columns could be the province: \"{}\" (column {}) and \"{}\" (column {}); remove or rename one",
        "{=0}: satır {1}: iki sütun il olabilir: \"{2}\" ({3}. sütun) ve \"{4}\" ({5}. sütun); birini kaldırın ya da yeniden adlandırın",
    ),
    (
        "{}: line {}: two columns could be the {}: \"{}\" (column {}) and \"{}\" (column {}); remove or rename one",
        "{=0}: satır {1}: iki sütun {2} olabilir: \"{3}\" ({4}. sütun) ve \"{5}\" ({6}. sütun); birini kaldırın ya da yeniden adlandırın",
    ),
    (
        "{}: line {}: cannot tell the layout: the header has neither period columns (such as \"Ekim 2025\" or \"2025-10\") nor year, month and value columns",
        "{=0}: satır {1}: tablonun düzeni anlaşılamıyor: başlıkta ne dönem sütunları (\"Ekim 2025\" ya da \"2025-10\" gibi) ne de yıl, ay ve değer sütunları var",
    ),
    ("{}: cannot tell the format from the extension; add --input-format csv|tsv|xlsx|parquet|json", "{=0}: biçim dosyanın uzantısından anlaşılamıyor; --input-format csv|tsv|xlsx|parquet|json ekleyin"),
    ("{}: --complete is for detail tables (with country or product columns)", "{=0}: --complete ayrıntı tabloları içindir (ülke ya da ürün sütunu olan)"),
    (
        "{}: column \"{}\": `{}` is a Turkish number, but {} has the English `{}`: make the column one or the other",
        "{=0}: \"{1}\" sütunu: `{2}` Türkçe yazılmış bir sayı, ama {3} İngilizce yazılmış `{4}` sayısını içeriyor: sütunu tek bir biçimde yazın",
    ),
    (
        "{}: column \"{}\": `{}` is {} million dollars in Turkish and {} million dollars in English, and no cell of the file shows which it is: give --numbers tr or --numbers en",
        "{=0}: \"{1}\" sütunu: `{2}` Türkçe okunursa {3} milyon dolar, İngilizce okunursa {4} milyon dolar; dosyanın hiçbir hücresi hangisi olduğunu göstermiyor: --numbers tr ya da --numbers en verin",
    ),
    (
        "{}: column \"{}\": `{}` is {} thousand dollars in Turkish and {} thousand dollars in English, and no cell of the file shows which it is: give --numbers tr or --numbers en",
        "{=0}: \"{1}\" sütunu: `{2}` Türkçe okunursa {3} bin dolar, İngilizce okunursa {4} bin dolar; dosyanın hiçbir hücresi hangisi olduğunu göstermiyor: --numbers tr ya da --numbers en verin",
    ),
    // What is not a table, refused before it is read through.
    ("{}: the file is empty", "{=0}: dosya boş"),
    ("{}: the file is UTF-16; save it as UTF-8 (or Windows-1254) text", "{=0}: dosya UTF-16; UTF-8 (ya da Windows-1254) metin olarak kaydedin"),
    ("{}: this is not a text table (it holds binary data)", "{=0}: bu bir metin tablosu değil (ikili veri içeriyor)"),
    ("{}: this is not a text table (it is gzip-compressed: decompress it first)", "{=0}: bu bir metin tablosu değil (gzip ile sıkıştırılmış: önce açın)"),
    (
        "{}: this is not a text table (it is a Parquet file: add --input-format parquet, or name it .parquet)",
        "{=0}: bu bir metin tablosu değil (bir Parquet dosyası: --input-format parquet ekleyin ya da adını .parquet yapın)",
    ),
    (
        "{}: this is not a text table (it is a zip container, as Excel files are: add --input-format xlsx, or name it .xlsx)",
        "{=0}: bu bir metin tablosu değil (Excel dosyaları gibi bir zip kabı: --input-format xlsx ekleyin ya da adını .xlsx yapın)",
    ),
    (
        "{}: this is not a text table (it is a SQLite database: export a table with `sqlite3 -csv -header FILE 'SELECT …' > table.csv`)",
        "{=0}: bu bir metin tablosu değil (bir SQLite veritabanı: bir tabloyu `sqlite3 -csv -header FILE 'SELECT …' > table.csv` ile dışa aktarın)",
    ),
    ("{}: the line holds a NUL byte: the file is binary or damaged here", "{=0}: satırda bir NUL baytı var: dosya ikili ya da burada bozuk"),
    ("{}: the line has {} cells: a table ihracat reads has at most {} columns", "{=0}: satırda {1} hücre var: ihracat en çok {2} sütunlu bir tablo okur"),
    (
        "{}: a quote opens a quoted field that is never closed: a stray \" in a cell (write it \"\" inside a quoted cell), or the file is cut short",
        "{=0}: bir tırnak hiç kapanmayan bir alan açıyor: bir hücrede başıboş bir \" var (tırnaklı bir hücrede \"\" yazın) ya da dosya yarıda kesilmiş",
    ),
    (
        "{}: the last line has {} of the table's {} cells and no line ending: the file looks cut short",
        "{=0}: son satırda tablonun {2} hücresinden {1} tanesi var ve satır sonu yok: dosya yarıda kesilmiş görünüyor",
    ),
    (
        "{}: it is not a Parquet file (a Parquet file begins and ends with PAR1): give the file's own extension, or --input-format",
        "{=0}: bir Parquet dosyası değil (bir Parquet dosyası PAR1 ile başlar ve biter): dosyanın kendi uzantısını verin ya da --input-format kullanın",
    ),
    (
        "{}: it begins as a Parquet file but does not end as one: it is cut short (copy or download it again)",
        "{=0}: bir Parquet dosyası gibi başlıyor ama öyle bitmiyor: yarıda kesilmiş (yeniden kopyalayın ya da indirin)",
    ),
    ("{}: the key \"{}\" appears twice in one record: keep one of them", "{=0}: \"{1}\" anahtarı bir kayıtta iki kez geçiyor: birini bırakın"),
    ("{}: not valid JSON: {}", "{=0}: geçerli bir JSON değil: {1}"),
    (
        "{}: cannot read it as an Excel workbook: it is an HTML or XML page with a spreadsheet's name; open it in Excel and save it as .xlsx, or save the table as CSV",
        "{=0}: Excel çalışma kitabı olarak okunamıyor: adı çalışma kitabı adı olan bir HTML ya da XML sayfası; Excel'de açıp .xlsx olarak kaydedin ya da tabloyu CSV olarak kaydedin",
    ),
    ("{}: cannot read it as an Excel workbook: {}", "{=0}: Excel çalışma kitabı olarak okunamıyor: {1}"),
    ("{}: cannot read it: {}", "{=0}: okunamıyor: {1}"),
    ("{}: every sheet is empty", "{=0}: bütün sayfalar boş"),
    ("{}: sheet `{}` is empty", "{=0}: `{1}` sayfası boş"),
    ("{}: no sheet `{}`; its sheets are {}", "{=0}: `{1}` adında bir sayfa yok; sayfaları: {2}"),
    ("{}: sheet `{}`: {}", "{=0}: `{1}` sayfası: {2}"),
    (
        "{}: a cell below row 1,048,576, the last row an Excel sheet has; delete what stands below the table",
        "{=0}: bir Excel sayfasının son satırı olan 1.048.576. satırın altında bir hücre; tablonun altında duranları silin",
    ),
    ("{}: a table ihracat reads has at most {} columns; delete what stands beyond the table", "{=0}: ihracat en çok {1} sütunlu bir tablo okur; tablonun ötesinde duranları silin"),
    (
        "{}: open the workbook in Excel (or LibreOffice) and save it, so that its formulas' results are in the file:",
        "{=0}: çalışma kitabını Excel'de (ya da LibreOffice'te) açıp kaydedin ki formüllerin sonuçları dosyaya yazılsın:",
    ),
    ("{}: the formula ={} has no saved value", "{=0}: ={1} formülünün kaydedilmiş bir değeri yok"),
    // Values that another load holds (without --replace), a line each.
    (
        "{}: not loaded, nothing changed: {} province-months already hold different loaded values (add --replace to replace them):",
        "{=0}: yüklenmedi, hiçbir şey değişmedi: {1} il-ayında zaten farklı yüklenmiş değerler var (onları değiştirmek için --replace ekleyin):",
    ),
    (
        "{}: not loaded, nothing changed: {} province-month-country-product cells already hold different loaded values (add --replace to replace them):",
        "{=0}: yüklenmedi, hiçbir şey değişmedi: {1} il-ay-ülke-ürün hücresinde zaten farklı yüklenmiş değerler var (onları değiştirmek için --replace ekleyin):",
    ),
    ("  {}: {} {}: {} here, {} from load {}", "  {0}: {1} {2}: burada {3}, {5} numaralı yüklemede {4}"),
    // What a load noticed, and what may be wrong in a file that loaded.
    ("unit {} detected from \"{}\"", "birim {unit:0}: \"{1}\" ifadesinden anlaşıldı"),
    ("the file says \"{}\" ({}), but --unit {} was given and is used", "dosya \"{0}\" diyor ({unit:1}), ama --unit {2} verildi ve o kullanılıyor"),
    ("column {} \"{}\" is not data and was ignored", "{0}. sütun \"{1}\" veri değil, atlandı"),
    ("every row is already in the database with the same value", "her satır aynı değerle zaten veritabanında"),
    ("line {}: the total row: \"{}\" says {} but its months add up to {}", "satır {0}: toplam satırı: \"{1}\" {2} diyor ama aylarının toplamı {3}"),
    ("row {}: the total row: \"{}\" says {} but its months add up to {}", "satır {0}: toplam satırı: \"{1}\" {2} diyor ama aylarının toplamı {3}"),
    ("line {}: {}: \"{}\" says {} but its months add up to {}", "satır {0}: {1}: \"{2}\" {3} diyor ama aylarının toplamı {4}"),
    ("row {}: {}: \"{}\" says {} but its months add up to {}", "satır {0}: {1}: \"{2}\" {3} diyor ama aylarının toplamı {4}"),
    (
        "{}: column \"quantity\": `{}` is {} in Turkish and {} in English, and no cell of the file shows which it is: give --numbers tr or --numbers en",
        "{=0}: \"miktar\" sütunu: `{1}` Türkçe okunursa {2}, İngilizce okunursa {3}; dosyanın hiçbir hücresi hangisi olduğunu göstermiyor: --numbers tr ya da --numbers en verin",
    ),
];

/// What a load's check says of one cell, after "PLACE: column "C": `V`: ": (English, Turkish).
const CELL: &[(&str, &str)] = &[
    ("unknown province (did you mean {}?)", "bilinmeyen il ({0} olabilir mi?)"),
    ("unknown province", "bilinmeyen il"),
    ("a row with values but no province", "değerleri olan ama ili olmayan bir satır"),
    (
        "too large to store: a value has at most 16 digits of dollars (Turkey's exports of a whole year have 12)",
        "saklanamayacak kadar büyük: bir değerin dolar kısmı en çok 16 basamaklıdır (Türkiye'nin bir yıllık ihracatı 12 basamaklıdır)",
    ),
    (
        "not a number of US dollars (a currency other than $, or a scale word such as milyon, is not read: convert the table, or write the number in full and use --unit)",
        "ABD doları olarak okunabilen bir sayı değil ($ dışında bir para birimi ya da milyon gibi bir ölçek sözcüğü okunmaz: tabloyu dönüştürün ya da sayıyı tam yazıp --unit kullanın)",
    ),
    (
        "not a number as the column writes them (groups of three digits, one decimal separator, nothing after it)",
        "sütunun sayıları yazdığı biçimde bir sayı değil (üçer basamaklı gruplar, bir ondalık ayırıcı, ardından başka bir şey yok)",
    ),
    ("a negative value: exports cannot be negative", "negatif bir değer: ihracat negatif olamaz"),
    (
        "finer than a cent: dollars are stored to the cent, and ihracat does not round a figure silently; round the column in the file",
        "sentten küçük basamakları var: dolar sente kadar saklanır ve ihracat bir rakamı sessizce yuvarlamaz; sütunu dosyada yuvarlayın",
    ),
    ("month must be 1 to 12", "ay 1 ile 12 arasında olmalı"),
    ("year must be 1990 to 2100", "yıl 1990 ile 2100 arasında olmalı"),
    ("basis must be activity or registered", "esas activity (faaliyet ili) ya da registered (kayıtlı il) olmalı"),
    ("unknown country (ISO numbers need iso:, as iso:276)", "bilinmeyen ülke (ISO numaraları iso: ile yazılır, iso:276 gibi)"),
    ("unknown product (an HS code such as 87 or 870321, or a chapter name)", "bilinmeyen ürün (87 ya da 870321 gibi bir GTİP kodu ya da bir fasıl adı)"),
    ("not a number", "sayı değil"),
    ("a negative quantity: a quantity cannot be negative", "negatif bir miktar: miktar negatif olamaz"),
    (
        "finer than a thousandth: quantities are stored to three decimals, and ihracat does not round a figure silently; round the column in the file",
        "binde birden küçük basamakları var: miktar üç ondalığa kadar saklanır ve ihracat bir rakamı sessizce yuvarlamaz; sütunu dosyada yuvarlayın",
    ),
    ("appears {} times for {} (lines {} and {} more)", "{1} için {0} kez geçiyor (satırlar {2} ve {3} satır daha)"),
    ("appears {} times for {} (lines {})", "{1} için {0} kez geçiyor (satırlar {2})"),
    ("the total row says {} but the provinces add up to {}", "toplam satırı {0} diyor ama illerin toplamı {1}"),
];

/// The columns a load's checks name by their role rather than by the file's header, and the
/// roles a header may play.
const ROLES: &[(&str, &str)] = &[
    ("province", "il"),
    ("year", "yıl"),
    ("month", "ay"),
    ("period", "dönem"),
    ("basis", "esas"),
    ("country", "ülke"),
    ("product", "ürün"),
    ("quantity", "miktar"),
    ("unit", "birim"),
    ("value", "değer"),
];

/// A message in `language`: English as it is; in Turkish, by the first template that reads it.
pub fn message(text: &str, language: Language) -> String {
    if language == Language::En {
        return text.to_string();
    }
    let checked = CHECKS.iter().find_map(|(english, tr)| {
        let mut values = matches(english, text)?;
        let label = crate::headings::parameter_label(&values[1], language);
        values[1] = if label == values[1] { format!("`{label}`") } else { format!("{label} (`{}`)", values[1]) };
        Some(fill(tr, &values, language))
    });
    checked
        // Before the templates, whose first `{}` would take the statement's place as a value.
        .or_else(|| of_statement(text))
        .or_else(|| of_part(text, language))
        .or_else(|| MESSAGES.iter().find_map(|(english, tr)| matches(english, text).map(|values| fill(tr, &values, language))))
        .or_else(|| duckdb::in_turkish(text))
        .or_else(|| said(LOAD, text))
        // A refusal of several lines (each formula without a value, each value another load
        // holds) is said line by line, and only when every line is known.
        .or_else(|| text.contains('\n').then(|| text.lines().map(|line| said(LOAD, line)).collect::<Option<Vec<_>>>()).flatten().map(|lines| lines.join("\n")))
        .unwrap_or_else(|| text.to_string())
}

/// A message about one statement of ad-hoc SQL ("statement 2 (line 5): …") in Turkish, when the
/// rest of it is known (ihracat's own words, or DuckDB's commonest errors): else DuckDB's words
/// stay whole in English.
fn of_statement(text: &str) -> Option<String> {
    let values = matches("statement {} (line {}): {}", text)?;
    let rest = MESSAGES
        .iter()
        .find_map(|(english, tr)| matches(english, &values[2]).map(|v| fill(tr, &v, Language::Tr)))
        .or_else(|| duckdb::in_turkish(&values[2]))?;
    Some(format!("{}. ifade ({}. satır): {rest}", values[0], values[1]))
}

/// A message about one part of a query (`queries check`: "example `year=abc`: parameter `year`:
/// …") in Turkish, part by part, when the innermost message is known.
fn of_part(text: &str, language: Language) -> Option<String> {
    const PARTS: &[(&str, &str)] = &[("example `{}`: {}", "`{0}` örneği: "), ("parameter `{}`: {}", "`{0}` parametresi: ")];
    PARTS.iter().find_map(|(english, tr)| {
        let values = matches(english, text)?;
        let rest = message(&values[1], language);
        (rest != values[1]).then(|| format!("{}{rest}", tr.replace("{0}", &values[0])))
    })
}

/// A load refused whole (`Error::Rejected`), in `language`.
pub fn refusal(file: &str, problems: &[String], stopped_at: Option<usize>, language: Language) -> String {
    let (head, stopped) = match language {
        Language::En => ("not loaded, nothing changed", "problems; --max-errors raises the limit"),
        Language::Tr => ("yüklenmedi, hiçbir şey değişmedi", "sorundan sonra durdu; --max-errors sınırı yükseltir"),
    };
    let mut text = format!("{file}: {head}:");
    for problem in problems {
        text.push_str(&format!("\n  {}", self::problem(problem, language)));
    }
    match (stopped_at, language) {
        (Some(n), Language::En) => text.push_str(&format!("\n(stopped after {n} {stopped})")),
        (Some(n), Language::Tr) => text.push_str(&format!("\n({n} {stopped})")),
        (None, _) => {}
    }
    text
}

/// One of a load's problems: "PLACE: column "C": `V`: WHAT", or a refusal `LOAD` knows whole.
fn problem(text: &str, language: Language) -> String {
    if language == Language::En {
        return text.to_string();
    }
    if let Some(said) = said(LOAD, text) {
        return said;
    }
    // Split by hand: a cell may be empty (a row without a province), which a template's `{}`
    // does not read; the message has no backtick, the cell may.
    let cell = text.split_once(": column \"").and_then(|(place, rest)| {
        let (column, rest) = rest.split_once("\": `")?;
        let (value, what) = rest.rsplit_once("`: ")?;
        Some((place, column, value, what))
    });
    let Some((place, column, value, what)) = cell else { return text.to_string() };
    let Some(what) = said(CELL, what) else {
        return text.to_string();
    };
    let column = role(column).unwrap_or(column);
    format!("{}: \"{column}\" sütunu: `{value}`: {what}", self::place(place))
}

/// A file the operating system refused, in Turkish where ihracat knows both the step ("opening
/// PATH") and the reason; else None, and the error is said as the system said it.
pub fn io(context: &str, kind: std::io::ErrorKind, language: Language) -> Option<String> {
    use std::io::ErrorKind;
    if language == Language::En {
        return None;
    }
    let why = match kind {
        ErrorKind::NotFound => "böyle bir dosya ya da klasör yok",
        ErrorKind::PermissionDenied => "izin yok",
        ErrorKind::AlreadyExists => "zaten var",
        ErrorKind::IsADirectory => "bu bir klasör, dosya değil",
        ErrorKind::StorageFull => "diskte yer kalmadı",
        _ => return None,
    };
    // The path as written (a file called 2025 is not the number 2.025).
    let (step, path) = context.split_once(' ')?;
    let step = match step {
        "opening" => "açılırken",
        "reading" => "okunurken",
        "writing" => "yazılırken",
        "creating" => "oluşturulurken",
        _ => return None,
    };
    Some(format!("{path} {step}: {why}"))
}

/// `text` in Turkish by the first of `templates` that reads it. A value the Turkish writes bare
/// is said as a Turkish reader reads it (a place's "row" and "column", a role's name, numbers
/// grouped); one in backticks or quotes is what the file or the user wrote, and stays.
fn said(templates: &[(&str, &str)], text: &str) -> Option<String> {
    templates.iter().find_map(|(english, tr)| {
        // A value is within one line: a template of one line never reads a refusal of several.
        let values = matches(english, text).filter(|values| values.iter().all(|v| !v.contains('\n')))?;
        let values = values
            .into_iter()
            .enumerate()
            .map(|(i, value)| match tr.contains(&format!("`{{{i}}}`")) || tr.contains(&format!("\"{{{i}}}\"")) {
                true => value,
                false => role(&value).map(str::to_string).unwrap_or_else(|| place(&value)),
            })
            .collect::<Vec<_>>();
        Some(fill(tr, &values, Language::Tr))
    })
}

fn role(name: &str) -> Option<&'static str> {
    ROLES.iter().find(|(english, _)| *english == name).map(|(_, tr)| *tr)
}

/// A place as the load names it ("f.csv:3", "f.parquet row 3", "f.xlsx [Sayfa1] row 3, column
/// B", "f.json record 2") in Turkish; any other text as it is.
fn place(text: &str) -> String {
    if let Some((file, record)) = text.rsplit_once(" record ").filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) {
        return format!("{file} kayıt {record}");
    }
    let Some((file, at)) = text.rsplit_once(" row ") else { return text.to_string() };
    let (row, column) = at.split_once(", column ").map_or((at, None), |(r, c)| (r, Some(c)));
    let letters = column.is_none_or(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_uppercase()));
    if row.is_empty() || !row.bytes().all(|b| b.is_ascii_digit()) || !letters {
        return text.to_string();
    }
    match column {
        Some(column) => format!("{file} satır {row}, sütun {column}"),
        None => format!("{file} satır {row}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_a_form_shows_are_said_in_turkish() {
        assert_eq!(message("`13` is not a valid int: 13 is outside 1..12", Language::Tr), "`13` geçerli değil: 1..12 aralığının dışında");
        // What the user typed is written back as typed: a year is not grouped like an amount.
        assert_eq!(message("`1999` is not a valid int: 1999 is outside 2000..2100", Language::Tr), "`1999` geçerli değil: 2000..2100 aralığının dışında");
        assert_eq!(
            message("`12000` is not a valid list(int): write a list as its items, comma-separated (a,b), not `[12000]`", Language::Tr),
            "`12000` geçerli değil: listeyi öğeleriyle, virgülle ayırarak yazın (a,b), `[12000]` biçiminde değil"
        );
        assert_eq!(message("`13` is not a valid int: 13 is outside 1..12", Language::En), "`13` is not a valid int: 13 is outside 1..12");
        assert_eq!(message("`x` is not a valid int: something new", Language::Tr), "`x` geçerli değil: something new");
        assert_eq!(message("a sentence no template knows", Language::Tr), "a sentence no template knows");
        // A check names the other parameter as the form labels it; a user's own parameter has no
        // label and keeps its name.
        assert_eq!(message("`2024` must be greater than `from_year` (`2024`)", Language::Tr), "`2024`, İlk yıl (`from_year`) değerinden (`2024`) büyük olmalı");
        assert_eq!(message("`3` must not be less than `low` (`5`)", Language::Tr), "`3`, `low` değerinden (`5`) küçük olamaz");
    }

    #[test]
    fn a_load_problem_is_said_with_its_place_column_and_value() {
        assert_eq!(problem("bad.csv:3: column \"month\": `13`: month must be 1 to 12", Language::Tr), "bad.csv:3: \"ay\" sütunu: `13`: ay 1 ile 12 arasında olmalı");
        assert_eq!(
            problem("x.xlsx [Sayfa1] row 4: column \"province\": `Ankaraa`: unknown province (did you mean Ankara?)", Language::Tr),
            "x.xlsx [Sayfa1] satır 4: \"il\" sütunu: `Ankaraa`: bilinmeyen il (Ankara olabilir mi?)"
        );
        // The file's own header stays as the file writes it; numbers are grouped the Turkish way.
        assert_eq!(
            problem("t.csv:9: column \"Ekim 2025\": `1200`: the total row says 1200000 but the provinces add up to 1100000", Language::Tr),
            "t.csv:9: \"Ekim 2025\" sütunu: `1200`: toplam satırı 1.200.000 diyor ama illerin toplamı 1.100.000"
        );
        assert_eq!(problem("p.parquet row 2: no data rows below the header (line 1)", Language::Tr), "p.parquet satır 2: başlığın altında veri satırı yok (satır 1)");
        // A problem no template knows stays whole, in English.
        let unknown = "bad.csv:3: column \"month\": `13`: something new";
        assert_eq!(problem(unknown, Language::Tr), unknown);
        assert_eq!(problem("bad.csv:3: column \"month\": `13`: month must be 1 to 12", Language::En), "bad.csv:3: column \"month\": `13`: month must be 1 to 12");
    }

    #[test]
    fn a_refusal_that_stopped_says_so_in_its_language() {
        let problems = ["a.csv:2: column \"month\": `13`: month must be 1 to 12".to_string()];
        assert_eq!(
            refusal("a.csv", &problems, Some(1), Language::Tr),
            "a.csv: yüklenmedi, hiçbir şey değişmedi:\n  a.csv:2: \"ay\" sütunu: `13`: ay 1 ile 12 arasında olmalı\n(1 sorundan sonra durdu; --max-errors sınırı yükseltir)"
        );
        assert_eq!(
            refusal("a.csv", &problems, Some(1), Language::En),
            "a.csv: not loaded, nothing changed:\n  a.csv:2: column \"month\": `13`: month must be 1 to 12\n(stopped after 1 problems; --max-errors raises the limit)"
        );
    }

    #[test]
    fn a_place_is_said_in_turkish_and_other_text_is_left() {
        assert_eq!(place("a b.xlsx [Veri] row 12, column AB"), "a b.xlsx [Veri] satır 12, sütun AB");
        assert_eq!(place("a.csv:12"), "a.csv:12");
        assert_eq!(place("the row of 2025"), "the row of 2025");
    }
}
