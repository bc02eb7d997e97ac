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
mod load;

use load::{CELL, LOAD, ROLES};

/// Messages a reader may meet on a page or the command line (a form's errors, an analysis's
/// refusal): (English, Turkish).
const MESSAGES: &[(&str, &str)] = &[
    // `report`'s arguments, beyond what clap checks.
    ("--year {} and --month {} name different years: give one of them", "--year {=0} ile --month {=1} farklı yılları gösteriyor: yalnızca birini verin"),
    ("--month {} needs --year, or the month with its year, such as --month {}", "--month {=0} için --year de gerekir, ya da ayı yılıyla verin (--month {=1} gibi)"),
    ("`{}` is not a valid {}: {} is outside {}", "`{0}` geçerli değil: {3} aralığının dışında"),
    ("`{}` is not a valid {}: expected a whole number", "`{0}` geçerli değil: bir tam sayı bekleniyor"),
    (
        "`{}` is not a valid {}: a year and a month: give each its own parameter, year={} and month={}",
        "`{0}` geçerli değil: bu bir yıl ve bir ay; her birini kendi parametresiyle verin: year={=2} ve month={=3}",
    ),
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
    // The assistant interface's arguments (src/mcp/calls.rs), said in a call's `lang`.
    ("`{}`: expected tr or en", "`{0}`: tr ya da en bekleniyor"),
    ("required", "zorunlu"),
    ("expected a string, not {}", "bir metin bekleniyor, {=0} değil"),
    ("expected a whole number, not {}", "bir tam sayı bekleniyor, {=0} değil"),
    ("`{}` is not a whole number", "`{0}` bir tam sayı değil"),
    ("{} is not a whole number", "{=0} bir tam sayı değil"),
    ("expected a value (a string, number or boolean), not {}", "bir değer (metin, sayı ya da true/false) bekleniyor, {=0} değil"),
    ("a value of {} bytes; a value is at most {} bytes", "{0} baytlık bir değer; bir değer en çok {1} bayt olabilir"),
    ("`{}`: expected province, country or product", "`{0}`: province (il), country (ülke) ya da product (ürün) bekleniyor"),
    ("`{}`: expected bar, line or map", "`{0}`: bar (çubuk), line (çizgi) ya da map (harita) bekleniyor"),
    ("`{}`: expected activity or registered", "`{0}`: activity (faaliyet ili) ya da registered (kayıtlı il) bekleniyor"),
    ("expected an object of the analysis's parameters, not {}", "analizin parametrelerinden oluşan bir nesne bekleniyor, {=0} değil"),
    (
        "run_sql is off: this server answers through the named analyses (start it with --allow-sql for read-only SQL)",
        "run_sql kapalı: bu sunucu adlandırılmış analizlerle yanıt verir (salt okunur SQL için sunucuyu --allow-sql ile başlatın)",
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
    (
        "`{}` names no chart of its own (no `--- chart` line): choose one with --kind bar, line or map",
        "`{0}` analizinin kendi grafiği yok (`--- chart` satırı yok): --kind bar, line ya da map ile birini seçin",
    ),
    ("the result has no column `{}` to label the bars with", "sonuçta çubukları adlandıracak `{0}` sütunu yok"),
    (
        "the result has no column to label the bars with (province, region, name…): choose one with --label",
        "sonuçta çubukları adlandıracak bir sütun yok (province, region, name…): --label ile birini seçin",
    ),
    ("the result has no column `{}`", "sonuçta `{0}` sütunu yok"),
    ("a line chart needs the periods in `year` or `month` columns; this result has neither", "çizgi grafik dönemleri `year` ya da `month` sütununda ister; bu sonuçta ikisi de yok"),
    (
        "a map needs a province in each row (a `code` or `province` column); `{}` has neither",
        "harita her satırda bir il ister (`code` ya da `province` sütunu); `{0}` analizinde ikisi de yok",
    ),
    (
        "`{}` gives more than one row for {}: a map needs one row a province (narrow the query with its parameters)",
        "`{0}` analizi {=1} için birden çok satır veriyor: harita her il için tek satır ister (analizi parametreleriyle daraltın)",
    ),
    (
        "charts are written as .svg or .png, not .{}: name the file so, or give --format svg|png",
        "grafikler .svg ya da .png olarak yazılır, .{=0} olarak değil: dosyayı öyle adlandırın ya da --format svg|png verin",
    ),
    ("scale {}: expected a number above 0 and at most 8", "ölçek {=0}: 0'dan büyük, en çok 8 olan bir sayı bekleniyor"),
    // Arguments, files and formats.
    ("`{}` is not a parameter: write name=value, as in -p year=2025", "`{0}` bir parametre değil: ad=değer biçiminde yazın, -p year=2025 gibi"),
    ("--read-only was given, but this command writes", "--read-only verildi, ama bu komut yazar"),
    ("--time-limit {}: expected seconds above 0 and at most 3600", "--time-limit {=0}: 0'dan büyük, en çok 3600 saniye bekleniyor"),
    ("mcp needs a database file: a :memory: database would be a new one for every call", "mcp bir veritabanı dosyası ister: :memory: veritabanı her çağrıda yeni bir veritabanı olurdu"),
    ("serve needs a database file: a :memory: database would be a new one for every request", "serve bir veritabanı dosyası ister: :memory: veritabanı her istekte yeni bir veritabanı olurdu"),
    (
        "export cannot write `.{}` files ({}): it writes parquet, csv, json or xlsx; give --to a .parquet, .csv, .json or .xlsx name, or --format",
        "export `.{0}` dosyası yazamaz ({=1}): parquet, csv, json ya da xlsx yazar; --to için .parquet, .csv, .json ya da .xlsx uzantılı bir ad ya da --format verin",
    ),
    ("export writes parquet, csv, json or xlsx, not {}", "export parquet, csv, json ya da xlsx yazar, {=0} yazmaz"),
    ("an Excel workbook is one file: --partition-by writes folders of parquet, csv or json", "bir Excel çalışma kitabı tek bir dosyadır: --partition-by parquet, csv ya da json klasörleri yazar"),
    ("an Excel sheet holds {} rows and this result has more: write it as Parquet or CSV instead", "bir Excel sayfası en çok {0} satır alır ve bu sonuçta daha fazlası var: Parquet ya da CSV olarak yazın"),
    ("an Excel sheet holds 16,384 columns and this result has more", "bir Excel sayfası en çok 16.384 sütun alır ve bu sonuçta daha fazlası var"),
    ("cannot tell the format of {} from its extension; add --format", "{=0} dosyasının biçimi uzantısından anlaşılamıyor; --format ekleyin"),
    ("{} is a binary format: write it to a file with -o FILE, or pipe it", "{=0} ikili bir biçim: -o FILE ile bir dosyaya yazın ya da başka bir programa aktarın"),
    (
        "this is a binary format and stdout is a terminal: write it to a file with -o FILE, or redirect stdout",
        "bu ikili bir biçim ve stdout bir terminal: -o FILE ile bir dosyaya yazın ya da stdout'u yönlendirin",
    ),
    ("{} exists; `.output {} --overwrite` replaces it", "{=0} zaten var; `.output {1} --overwrite` yerine yazar"),
    ("{} is a folder, not a file", "{=0} bir klasör, dosya değil"),
    ("{} is a DuckDB database: ihracat never writes a result over one", "{=0} bir DuckDB veritabanı: ihracat bir sonucu hiçbir zaman bir veritabanının üzerine yazmaz"),
    (
        "{} is a DuckDB database's write-ahead log: ihracat never writes a result over one",
        "{=0} bir DuckDB veritabanının günlük dosyası: ihracat bir sonucu hiçbir zaman bunun üzerine yazmaz",
    ),
    ("{} is ihracat's database: a result is never written over it", "{=0} ihracat'ın veritabanı: bir sonuç hiçbir zaman onun üzerine yazılmaz"),
    (
        "{} is a DuckDB database, but not one of ihracat's (it has no ihracat_meta table)",
        "{=0} bir DuckDB veritabanı, ama ihracat'ın bir veritabanı değil (ihracat_meta tablosu yok)",
    ),
    ("{}: not a regular file; a query file is a .sql text file", "{=0}: sıradan bir dosya değil; bir analiz dosyası .sql uzantılı bir metin dosyasıdır"),
    ("{}: {} bytes is too large for a query file (at most 1 MiB)", "{=0}: {1} bayt bir analiz dosyası için çok büyük (en çok 1 MiB)"),
    ("{}: not UTF-8 text (byte {}); save it as UTF-8", "{=0}: UTF-8 metin değil ({1}. bayt); UTF-8 olarak kaydedin"),
    ("{}: not a regular file; load reads tables saved as files", "{=0}: sıradan bir dosya değil; load dosya olarak kaydedilmiş tabloları okur"),
    ("load {} replaced rows of load {}: unload {} first", "{=0} numaralı yükleme {=1} numaralı yüklemenin satırlarının yerini aldı: önce {=2} numaralı yüklemeyi kaldırın"),
    ("{} statements return rows ({}); into a file or a binary format only one may", "{0} ifade satır döndürüyor ({=1}); bir dosyaya ya da ikili bir biçime yalnızca biri yazılabilir"),
    ("no table or view named `{}` (.tables lists them)", "`{0}` adında bir tablo ya da görünüm yok (.tables hepsini listeler)"),
    ("`{}` is not percent-encoded text", "`{0}` yüzde kodlamalı bir metin değil"),
    ("`{}` is not UTF-8 text", "`{0}` UTF-8 metin değil"),
    ("`{}` has `--- pivot` on column `{}`, which its result does not have", "`{0}` analizinde `{1}` sütunu için `--- pivot` var, ama sonucunda bu sütun yok"),
    ("`{}` would make more than {} columns (Excel's limit); narrow it with its parameters", "`{0}` {1} sütundan fazlasını oluştururdu (Excel'in sınırı); parametreleriyle daraltın"),
    ("{} of {} names did not resolve", "{1} addan {0} tanesi tanınmadı"),
    ("not resolved: {}", "tanınmadı: {=0}"),
    (
        "country `{}`: a number is ambiguous (Turkish tables use the EU geonomenclature, where 004 is Germany; in ISO 3166 004 is Afghanistan): write iso:{} for the ISO number",
        "ülke `{0}`: bir sayı iki türlü okunur (Türkiye'nin tabloları AB ülke nomenklatürünü kullanır, orada 004 Almanya'dır; ISO 3166'da 004 Afganistan'dır): ISO numarası için iso:{=1} yazın",
    ),
    ("created database {} with the bundled data ({})", "{=0} veritabanı paketteki veriyle oluşturuldu ({=1})"),
    ("migrated database {} from schema version {} to {}", "{=0} veritabanının şeması güncellendi (sürüm {1} → {2})"),
    ("refreshed the bundled data in {} from {} to {} (your loaded rows are kept)", "{=0} içindeki paket verisi yenilendi ({=1} → {=2}; yüklediğiniz satırlar korundu)"),
    // The assistant interface's resources and prompts.
    ("no resource `{}`: the resources are {} and ihracat://report/YEAR/MONTH/tr|en", "`{0}` diye bir kaynak yok: kaynaklar {=1} ve ihracat://report/YIL/AY/tr|en"),
    ("no resource `{}`: YEAR and MONTH are numbers", "`{0}` diye bir kaynak yok: YIL ve AY sayı olmalı"),
    ("no resource `{}`: the language is tr or en", "`{0}` diye bir kaynak yok: dil tr ya da en olmalı"),
    ("no prompt `{}`: the prompts are aylik_bulten and compare_provinces", "`{0}` diye bir istem yok: istemler aylik_bulten ve compare_provinces"),
    ("compare_provinces needs first, second and year", "compare_provinces için first, second ve year gerekir"),
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
        .or_else(|| of_io(text))
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
        .or_else(|| duckdb::in_turkish(&values[2]))
        .or_else(|| of_io(&values[2]))?;
    Some(format!("{}. ifade ({}. satır): {rest}", values[0], values[1]))
}

/// A failed file operation whose error was kept as text ("writing x.csv: No such file or
/// directory (os error 2)", inside a statement's message), in Turkish as `io` says it.
fn of_io(text: &str) -> Option<String> {
    use std::io::ErrorKind;
    const KINDS: &[(&str, ErrorKind)] = &[
        ("No such file or directory (os error 2)", ErrorKind::NotFound),
        ("Permission denied (os error 13)", ErrorKind::PermissionDenied),
        ("File exists (os error 17)", ErrorKind::AlreadyExists),
        ("Is a directory (os error 21)", ErrorKind::IsADirectory),
        ("No space left on device (os error 28)", ErrorKind::StorageFull),
    ];
    let (context, display) = text.rsplit_once(": ")?;
    let kind = KINDS.iter().find(|(d, _)| *d == display)?.1;
    io(context, kind, Language::Tr)
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
        assert_eq!(
            message("`2025-10` is not a valid int: a year and a month: give each its own parameter, year=2025 and month=10", Language::Tr),
            "`2025-10` geçerli değil: bu bir yıl ve bir ay; her birini kendi parametresiyle verin: year=2025 ve month=10"
        );
        assert_eq!(message("a sentence no template knows", Language::Tr), "a sentence no template knows");
        // A check names the other parameter as the form labels it; a user's own parameter has no
        // label and keeps its name.
        assert_eq!(message("`2024` must be greater than `from_year` (`2024`)", Language::Tr), "`2024`, İlk yıl (`from_year`) değerinden (`2024`) büyük olmalı");
        assert_eq!(message("`3` must not be less than `low` (`5`)", Language::Tr), "`3`, `low` değerinden (`5`) küçük olamaz");
    }

    #[test]
    fn a_file_error_kept_as_text_is_said_in_turkish() {
        assert_eq!(
            message("statement 1 (line 1): writing /yok/x.csv: No such file or directory (os error 2)", Language::Tr),
            "1. ifade (1. satır): /yok/x.csv yazılırken: böyle bir dosya ya da klasör yok"
        );
        assert_eq!(message("reading a.csv: Permission denied (os error 13)", Language::Tr), "a.csv okunurken: izin yok");
        // An error no kind is known for stays whole.
        let other = "writing x.csv: Broken pipe (os error 32)";
        assert_eq!(message(other, Language::Tr), other);
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
