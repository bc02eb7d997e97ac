//! `--help` in Turkish, for a reader who asked for Turkish (`usage::language`): every command's
//! description and examples, every option's help, its default, environment variable and choices,
//! and clap's own headings. The English is the doc comments beside each argument; the Turkish is
//! here, keyed by command and argument, and a test fails when an argument has no Turkish or an
//! entry here names nothing.

use clap::{Arg, Command};

/// Each command's description: (path, Turkish). The first line is the one its parent's list of
/// commands shows; the whole is what its `--help` shows above the usage.
const COMMANDS: &[(&str, &str)] = &[
    (
        "",
        "Türkiye'nin il bazında ihracat istatistikleri, gömülü bir DuckDB veritabanında.

ihracat, Ticaret Bakanlığı'nın yayımladığı il rakamlarını, adlandırılmış SQL analizlerini
(sıralamalar, büyüme, eşikler, paylar), serbest SQL'i ve aylık raporu bir arada sunar.",
    ),
    (
        "provinces",
        "Türkiye'nin 81 ilini İBBS (NUTS) bölgeleriyle listeler ya da adların hangi ile karşılık geldiğini gösterir.

Adlar büyük ya da küçük harfle, Türkçe harflerle ya da onlarsız (İSTANBUL, istanbul, Istanbul),
boşluk ve noktalamayla (K.MARAŞ, K. Maraş), kısa ya da eski adlarıyla (Afyon, İçel, Urfa,
Antep, Maraş) ve plaka koduyla tanınır.

Örnekler:
  ihracat provinces
  ihracat provinces resolve \"AFYON\" \"K.MARAŞ\" \"istanbul\" \"Icel\" 34",
    ),
    ("provinces resolve", "Her adın ya da kodun neye karşılık geldiğini gösterir"),
    (
        "countries",
        "Ortak ülkeleri listeler (Türkçe adlarıyla ISO 3166-1 ve Türk tablolarının kullandığı, ülke
olmayan kalemler: KKTC XC, Kosova XK, serbest bölgeler XF, gizli XS, bilinmeyen XU) ya da
adların neye karşılık geldiğini gösterir.

Türkçe ve İngilizce adlar büyük ya da küçük harfle, Türkçe harflerle ya da onlarsız, ISO alpha-2
ve alpha-3 kodları ve tabloların yazdığı kısa biçimler (ABD, U.S., İngiltere, BAE, KKTC)
tanınır. Bir sayı belirsizdir (Türk tablolarının kullandığı AB coğrafi sınıflandırmasında 004
Almanya'dır, ISO 3166'da Afganistan): bir ISO numarası için iso:276 yazın.

Örnekler:
  ihracat countries
  ihracat countries resolve \"ALMANYA\" \"Germany\" \"DE\" \"B.A.E.\" \"ABD\" iso:276",
    ),
    ("countries resolve", "Her adın ya da kodun neye karşılık geldiğini gösterir"),
    (
        "products",
        "GTİP fasıllarını Türkçe ve İngilizce başlıklarıyla listeler ya da kodların ve adların neye
karşılık geldiğini gösterir.

Fasıllar koduyla (71, 7, 07, \"Fasıl 71\", \"Chapter 87\"), daha ayrıntılı GTİP kodları (8703,
870321) fasıllarıyla ve bültenlerin yazdığı kısa adlarla (\"kıymetli veya yarı kıymetli taşlar\",
\"motorlu kara taşıtları\", \"motor vehicles\") tanınır.

Örnekler:
  ihracat products
  ihracat products resolve 71 \"Fasıl 87\" \"motorlu kara taşıtları\"",
    ),
    ("products resolve", "Her kodun ya da adın neye karşılık geldiğini gösterir"),
    (
        "queries",
        "Adlandırılmış analizleri listeler, birini gösterir ya da hepsini denetler.

Paketteki katalog programın içindedir; kendi .sql dosyalarınızın klasörlerini --queries DIR ya
da IHRACAT_QUERIES ile ekleyin ya da onları $XDG_CONFIG_HOME/ihracat/queries içine koyun. Paketteki
bir analizle aynı adı taşıyan analiziniz onun yerine geçer.

Örnekler:
  ihracat queries
  ihracat queries show top_provinces
  ihracat --queries ./my-queries queries check",
    ),
    ("queries show", "Bir analizin açıklamasını, parametrelerini ve SQL'ini gösterir"),
    ("queries check", "Her başlığı ayrıştırır, her analizi hazırlar ve örneklerini çalıştırır; bir sorun olursa 1 ile çıkar"),
    (
        "load",
        "İl ihracat tablolarını veritabanına yükler: CSV ya da TSV, Excel, Parquet, JSON.

Ülke ya da ürün sütunları (ülke, fasıl, GTİP…) olan bir tablo ayrıntıdır: il, ay, ülke ve ürüne
göre ayrıntı tablosuna gider; dosya il-aylarının tablosunun tamamıysa --complete ile.

Uzun tablolar (il, yıl, ay, değer; ya da 2025-10 gibi bir dönem sütunu) ve resmi bültenlerin
bastığı geniş tablolar (bir il sütunu ve \"Ekim 2025\" gibi her ay için bir sütun; başlık
satırları, bir TOPLAM satırı ve \"Değişim (%)\" gibi veri olmayan sütunlarla) tanınır. Sayılar
Türkçe (4.859.123,45) ya da İngilizce (4,859,123.45) biçimde olabilir; \"-\" ya da boş hücre
sıfır değil, eksiktir. Bir dosya ya bütünüyle yüklenir ya hiç yüklenmez: her sorun satırı,
sütunu ve değeriyle listelenir ve hiçbir şey değişmez. Aynı dosyayı yeniden yüklemek hiçbir
şeyi değiştirmez; değerleri önceki bir yüklemeden farklı olan dosya --replace ister. Paketteki
bülten rakamlarının yerine onsuz da geçilir ve özet kaç tanesinin yerine geçildiğini söyler.

Örnekler:
  ihracat load ekim-2025-faaliyet-illeri.xlsx --basis activity
  ihracat load exports_2024.csv exports_2025.parquet --basis activity
  ihracat load tim-il-bazinda.csv --basis registered --unit thousand-usd --dry-run
  ihracat load iller.txt --input-format tsv --basis activity --format json
  ihracat load ekim-2025.xlsx --basis activity --locale tr",
    ),
    (
        "loads",
        "Yüklemeleri listeler: her dosyanın neyi eklediğini ve neyin yerine geçtiğini ya da bir yüklemenin neyin yerine geçtiğini.

Bir numarayla, o yüklemenin yerine geçtiği her il-ayını, yüklediği değerin yanında ve ikisinin
arasındaki farkla gösterir.

Örnekler:
  ihracat loads
  ihracat loads 3",
    ),
    (
        "unload",
        "Bir yüklemeyi geri alır: eklediği satırları siler, yerine geçtiği satırları geri getirir.

Örnek:
  ihracat unload 3",
    ),
    (
        "run",
        "Katalogdaki adlandırılmış bir analizi çalıştırır.

Parametreler türleriyle bağlanır, SQL'e asla yapıştırılmaz; `ihracat queries show NAME`
onları listeler. Adlandırılmış analizler yalnızca okur: veritabanını değiştiremez. 81'den
az ilin verisine dayanan bir sonuç bunu sütunlarında ve stderr'de bir satırda söyler.

Örnekler:
  ihracat run top_provinces -p year=2025 -p month=10 -p n=5
  ihracat run yoy_growth -p year=2025 -p month=10 --format csv > growth.csv
  ihracat run share_of_total -p year=2025 -p month=10 -o shares.parquet
  ihracat run top_provinces -p year=2025 -p month=10 -o top.xlsx",
    ),
    (
        "chart",
        "Adlandırılmış bir analizin sonucunu çizer: çubuklar, zaman içinde çizgiler ya da 81 ilin haritası.

Çubuklar bir sıralamaya, çizgiler bir zaman serisine, harita her ilin bir değerine uyar.

Grafik, aynı parametrelerle `ihracat run`ın yazdığını gösterir. Paketteki her analiz kendine
uygun grafiği söyler (başlığındaki `--- chart`; `ihracat queries show NAME`); --kind başka
birini çizer. -o'nun uzantısına göre SVG ya da PNG, ya da --format ile stdout'a. Değeri
olmayan iller gridir (\"veri yok\"); değeri olup değişimi olmayan il \"değişim verilmiyor\" der
(haritada taralıdır); eksik bir panelin grafiği bunu başlığının altında söyler.
Grafik, --lang en verilmedikçe Türkçedir.

Örnekler:
  ihracat chart top_provinces -p year=2025 -p month=10 -o top.svg
  ihracat chart top_provinces -p year=2025 -p month=10 -p n=81 --kind map -o map.png
  ihracat chart yoy_growth -p year=2025 -p month=10 --classes 6 --breaks jenks -o growth.svg
  ihracat chart province_profile -p province=Kocaeli -p year=2025 --lang en -o kocaeli.png
  ihracat chart top_increases -p year=2025 -p month=10 --format svg > increases.svg
  ihracat chart top_provinces -p year=2025 -p month=10 --size column -o column.png",
    ),
    (
        "sql",
        "Serbest SQL çalıştırır: tek bir ifade ya da bir betik.

İfadeler sırayla çalışır; satır döndüren her ifadenin sonucu yazılır. İlk hata betiği durdurur
ve ifadeyi ve satırını söyler. --write olmadan hiçbir şey değişemez; onunla kendi tablolarınız
ve görünümleriniz, yönetilen veritabanının yanındaki bir çalışma alanı veritabanına gider;
yönetilen tablolar (provinces, exports, published_figures, loads) yalnızca ihracat'ın
komutlarıyla değişir.

Örnekler:
  ihracat sql \"SELECT * FROM exports WHERE year = 2025 AND month = 10 ORDER BY value_usd DESC LIMIT 5\"
  ihracat sql -f analysis.sql --format markdown
  echo \"FROM provinces\" | ihracat sql -
  ihracat sql --write \"CREATE VIEW marmara AS FROM provinces WHERE nuts1_code IN ('TR1','TR2','TR4')\"",
    ),
    (
        "shell",
        "Veritabanı üzerinde, analiz kataloğu elinizin altında, etkileşimli bir SQL kabuğu.

İfadeler birden çok satıra yayılabilir ve `;` ile biter. Ctrl-C çalışan sorguyu iptal eder,
Ctrl-D çıkar. Tab tablo ve sütun adlarını, SQL anahtar sözcüklerini ve analiz adlarını
tamamlar. Geçmiş $XDG_STATE_HOME/ihracat/history içinde tutulur. stdin bir terminal değilse
kabuk onu yazılmış gibi okur (ifadelerin arasında nokta komutları) ve ilk hatada 1 çıkış
koduyla durur. `.run`, sizin tablolarınızdan adı aynı olanlar olsa da yönetilen tabloları okur.

Nokta komutları: .tables  .schema [TABLE]  .queries  .run NAME key=value ...  .mode FORMAT
  .output [FILE]  .timer on|off  .read FILE  .help  .quit

Örnekler:
  ihracat shell
  ihracat shell --write
  echo \"FROM exports LIMIT 3\" | ihracat shell",
    ),
    (
        "export",
        "Adlandırılmış bir analizin sonucunu ya da herhangi bir SQL'i Parquet, CSV, JSON ya da Excel dosyalarına aktarır.

İşi DuckDB'nin kendi yazıcıları (Excel için ihracat'ınki) akış hâlinde yapar: bellek sonuçla
birlikte büyümez. Bir çalışma kitabının başlıkları okurun dilindedir (--locale), ikinci sayfası
rakamların nereden geldiğini söyler. Satırlar
sorgunun ORDER BY sırasını korur; ORDER BY yoksa DuckDB onları iş parçacıkları hangi sırayla
bitirirse öyle yazar (sırayı korumak sonucu bellekte tutmayı gerektirirdi). --partition-by,
pandas, polars, Spark ve DuckDB'nin tek bir veri kümesi olarak okuduğu Hive düzeninde bölümlenmiş
bir klasör yazar (year=2025/month=10/data_0.parquet). Var olan bir hedefin yerine yalnızca
--overwrite ile yazılır.

Örnekler:
  ihracat export --sql \"FROM exports\" --to exports/ --partition-by year
  ihracat export top_provinces -p year=2025 -p month=10 --to top.parquet
  ihracat export --sql \"FROM published_figures\" --to published.csv
  ihracat export top_provinces -p year=2025 -p month=10 --to top.xlsx
  ihracat export top_provinces -p year=2025 -p month=10 --to top-en.xlsx --locale en",
    ),
    (
        "report",
        "Aylık il ihracat bültenini veriden, Türkçe ya da İngilizce yazar.

Yılbaşından bu yana ulusal ihracat ve değişimi, ihracatı 1 milyar doları aşan ve artan il
sayısı, ayın ilk beş ili ve en büyük beş artışı. Rakamlar il paneli tamsa hesaplanır, değilse
bültenlerin yayımladığından alınır; rapor hangisi olduğunu kaynaklarıyla söyler. --year ve
--month verilmezse verideki son ayı raporlar. --format html, ilk beşin, en büyük artışların
grafikleri ve ayın haritasıyla (satır içi SVG) kendi başına yeten tek bir sayfa yazar.

Örnekler:
  ihracat report --year 2025 --month 10
  ihracat report --month 2025-10
  ihracat report --year 2025 --month 10 --lang en
  ihracat report --year 2025 --month 10 --format json
  ihracat report --year 2025 --month 10 --format markdown -o ekim-2025.md
  ihracat report --year 2025 --month 10 --format html -o ekim-2025.html
  ihracat report --year 2025 --month 10 --format xlsx -o ekim-2025.xlsx",
    ),
    (
        "serve",
        "Kataloğu Türkçe ve İngilizce yerel bir web uygulaması olarak sunar.

Her analiz için parametrelerinden kurulan bir form ve sonucu grafiği ve haritasıyla bir tablo
olarak gösteren bir sayfa; aynı sonuç, aynı adreste bir uzantıyla JSON, CSV, Parquet, Excel, SVG
ya da PNG olarak: /q/top_provinces?year=2025&month=10 ve
/q/top_provinces.csv?year=2025&month=10. Aylık rapor /report/2025/10'da, bir ilin sayfası
/province/Bursa'da, salt okunur SQL /sql'de, katalog JSON olarak /api/queries'de, analizler
yapay zekâ asistanları için araçlar olarak /mcp'de (akışlı HTTP üzerinden MCP; bkz. `ihracat
mcp`). --host başkasını söylemedikçe 127.0.0.1'i dinler, veritabanını salt okunur açar ve başka
bir süreçteki yükleme beklediğinde onu bırakır, ağdan hiçbir şey çekmez ve Ctrl-C ile durur.

Örnekler:
  ihracat serve
  ihracat serve --port 8080 --no-sql
  ihracat serve --host 0.0.0.0 --port 8000 --time-limit 5",
    ),
    (
        "mcp",
        "Analizleri bir yapay zekâ asistanına Model Context Protocol ile, stdin ve stdout üzerinden sunar.

Her adlandırılmış analiz, girdi şeması türlü başlığından gelen bir araçtır (paketteki analizler
ve kendi klasörleriniz); yanlarında: list_analyses, describe_analysis, resolve_name,
monthly_report ve draw_chart (bir PNG). Sonuçlar satırlarını JSON olarak taşır (`ihracat run
NAME --format json` ile aynı satırlar), bir Markdown tablosu, uyarılar (eksik bir panel, eksik
bir rakamın nedeni) ve kaynaklarla; bir çağrı lang: en demedikçe Türkçe (başlıklar, sayı
biçimi, uyarılar ve hatalar). Salt okunur: hiçbir şey yazmaz, yüklemez, bir dosyaya ya da
ağa erişmez; --allow-sql olmadan SQL aracı yoktur. Her çağrının bir süre sınırı ve satır sınırı
vardır. Başka bir süreçteki yükleme ilerler: o beklerken veritabanı bırakılır. `ihracat serve`
aynısını /mcp'de (akışlı HTTP) yanıtlar.

Claude Desktop, VS Code ve diğer istemciler onu yapılandırmalarından başlatır:
  {\"mcpServers\": {\"ihracat\": {\"command\": \"ihracat\", \"args\": [\"mcp\"]}}}

Örnekler:
  ihracat mcp
  ihracat mcp --allow-sql --time-limit 5
  ihracat --db exports.duckdb mcp --queries ./my-queries",
    ),
    (
        "info",
        "Veritabanını gösterir: yolu, şema ve veri sürümleri, yüklemeler, tuttuğu ayrıntı ve kapsam.

Kapsam, her yıl ve esas için en az bir rakamı olan illeri ve bunların kaçını Bakanlığın
bültenlerinin, bölgesel ve yerel bültenlerin ve sizin yüklediğiniz dosyaların kapsadığını
sayar. --format json ile hepsi tek bir JSON nesnesidir.

Örnekler:
  ihracat info
  ihracat info --format json",
    ),
    (
        "completions",
        "Bir kabuk tamamlama betiği yazar.

Örnekler:
  ihracat completions bash > ~/.local/share/bash-completion/completions/ihracat
  ihracat completions zsh > ~/.zfunc/_ihracat
  ihracat completions fish > ~/.config/fish/completions/ihracat.fish",
    ),
    (
        "generate",
        "Testler ve karşılaştırmalı ölçümler için SENTETİK bir ayrıntı tablosu yazar (gerçek rakamlar değildir).

--seed'den belirlenir; gerçek tablolarda olduğu gibi birkaç il, pazar ve fasıl öne çıkar, seyrek
uzun bir kuyruk vardır ve sıfır satır yoktur. Dosyaların adı synthetic-detail-N-seedS'dir ve
bunu bir başlık satırında (CSV) ve üst verilerinde (Parquet) söylerler. Her biri il-aylarının
tablosunun tamamıdır; bu yüzden `ihracat load FILE --basis activity --complete` ile yüklenir
(--complete olmadan, market_concentration gibi tam tablo isteyen analizler onu reddeder).
Dosyalardan başka hiçbir şey yazılmaz: veritabanı oluşturulmaz.

Örnek:
  ihracat generate --rows 1000000 --seed 42 --to /tmp/bench",
    ),
];

/// The `help` command's own line (clap adds it to every command with subcommands).
const HELP_COMMAND: &str = "Bu metni ya da verilen komutların yardımını gösterir";

/// Each argument's help: (command path, or `*` for the options every command shares; id; Turkish).
const ARGS: &[(&str, &str, &str)] = &[
    // Every command's (GlobalArgs).
    ("*", "db", "Veritabanı dosyası (atılacak bir veritabanı için `:memory:`) [varsayılan: $XDG_DATA_HOME/ihracat/ihracat.duckdb]"),
    ("*", "read_only", "Veritabanını salt okunur açar (okuyan komutlar hep öyle açar; bu --write'ı da reddeder)"),
    ("*", "wait", "Veritabanını başka bir süreç tutuyorsa en çok bu kadar saniye bekler [varsayılan: 0; load, unload ve --write için 5]"),
    ("*", "queries", "Kendi .sql analizlerinizin bir klasörü; birden çok verilebilir, sonraki klasörler öncekilerin yerine geçer"),
    ("*", "memory_limit", "DuckDB'nin bellek sınırı, örneğin 2GB"),
    (
        "*",
        "temp_dir",
        "Bir sorgu belleğe sığmadığında DuckDB'nin taşırdığı yer [varsayılan: $XDG_CACHE_HOME/ihracat/spill] ve bir yüklemenin metnini hazırladığı yer [varsayılan: sistemin geçici klasörü]",
    ),
    ("*", "threads", "DuckDB'nin iş parçacığı sayısı"),
    ("*", "quiet", "stderr'de hatalar ve uyarılardan başka bir şey söylemez"),
    ("*", "help", "Yardımı gösterir (-h özetini, --help tamamını)"),
    ("*", "version", "Sürümü gösterir"),
    // Every tabular command's (OutputArgs).
    ("*", "format", "Çıktı biçimi [varsayılan: terminalde table, değilse csv ya da -o'nun uzantısından]"),
    ("*", "output", "stdout yerine FILE dosyasına yazar (--format verilmedikçe biçim uzantıdan)"),
    ("*", "locale", "Tablolarda sayı biçimi: en 4,859.5 ya da tr 4.859,5 [varsayılan: IHRACAT_LOCALE ya da LANG'den]"),
    ("*", "max_rows", "Bir tablonun kısaltmadan önce gösterdiği satır sayısı (0: hepsi)"),
    ("*", "compression", "Parquet sıkıştırması"),
    ("*", "overwrite", "-o dosyası varsa yerine yazar"),
    ("*", "decimals", "exact: değerler DECIMAL olarak (pandas Decimal nesneleri alır); float: 64 bitlik kayan noktalı sayılar olarak"),
    ("*", "names", "Tabloların ve bültenlerin yazdığı biçimde adlar ya da kodlar"),
    ("*", "name", "Analizin adı (bkz. `ihracat queries`)"),
    ("*", "params", "name=value biçiminde bir parametre; birden çok verilebilir"),
    ("queries show", "format", "text, json (başlık ve SQL tek bir nesne olarak) ya da sql (kopyalamak için yalnızca SQL)"),
    ("queries check", "format", "text (mesajlar stderr'de) ya da json (sorunlar stdout'ta bir liste olarak)"),
    ("load", "files", "Yüklenecek dosyalar, birlikte yüklenir: ya hepsi ya hiçbiri"),
    ("load", "basis", "activity (Ticaret Bakanlığı, faaliyet ili) ya da registered (TİM, kayıtlı il); dosyada bir esas sütunu yoksa zorunlu"),
    ("load", "unit", "Değerlerin birimi [varsayılan: dosyanın başlığının ya da sütun başlığının dediği, yoksa usd]"),
    (
        "load",
        "numbers",
        "Sayıların nasıl yazıldığı, hücreleri bunu göstermeyen bir dosya için (binlik bir tabloda 340,732) [varsayılan: hücrelerden, sütun sütun]",
    ),
    ("load", "input_format", "Dosyanın biçimi [varsayılan: uzantıdan]"),
    ("load", "format", "Özetin (ya da reddedilen bir yüklemede sorunların) nasıl yazılacağı: text ya da json"),
    ("load", "layout", "Tablonun düzeni [varsayılan: sütun başlıklarından anlaşılan]"),
    ("load", "year", "Ay başlıkları yıl söylemeyen bir tablonun yılı (OCAK, ŞUBAT …) [varsayılan: başlığının söylediği tek yıl]"),
    ("load", "sheet", "Excel sayfası [varsayılan: verisi olan ilk sayfa]"),
    ("load", "encoding", "Metin kodlaması [varsayılan: UTF-8, dosya UTF-8 değilse Windows-1254]"),
    ("load", "replace", "Önceki bir yüklemenin aynı il-ayları için tuttuğu değerlerin yerine geçer"),
    ("load", "dry_run", "Hiçbir şey yazmadan denetler ve özetler"),
    ("load", "complete", "Dosya, il-aylarının ülkeye ve ürüne göre tablosunun tamamıdır (yalnızca ayrıntı)"),
    ("load", "max_errors", "Durmadan önce listelenecek sorun sayısı"),
    ("load", "locale", "Özetin, notların ve sorunların dili: en ya da tr [varsayılan: IHRACAT_LOCALE ya da LANG'den]"),
    ("loads", "id", "Bir yüklemenin numarası: yerine geçtiği satırları listeler (yayımlanmış, türetilmiş ya da önceki bir yüklemenin)"),
    ("unload", "id", "Yüklemenin numarası (bkz. `ihracat loads`)"),
    ("unload", "locale", "Söylediklerinin dili: en ya da tr [varsayılan: IHRACAT_LOCALE ya da LANG'den]"),
    ("chart", "kind", "Grafiğin türü [varsayılan: analizin kendi grafiği]"),
    ("chart", "value", "Çizilecek sayısal sütun [varsayılan: analizin kendi sütunu, yoksa ilk _usd sütunu]"),
    ("chart", "label", "Çubukları adlandıran ya da çizgileri serilere ayıran sütun"),
    ("chart", "classes", "Bir haritanın kaç sınıfa ayırarak renklendireceği (2 ile 9 arası)"),
    ("chart", "breaks", "Bir haritanın sınıf sınırlarının nasıl seçileceği"),
    ("chart", "lang", "Başlıkların, sayıların, ayların ve kaynak satırının dili"),
    (
        "chart",
        "size",
        "Adlandırılmış bir boyut: column (bir gazete sütunu, PNG 3×), web, print (PNG 2×) ya da slide; --width ve --scale onun parçalarının yerine geçer",
    ),
    ("chart", "width", "Piksel olarak genişlik [varsayılan: 760, haritalarda 1000]"),
    ("chart", "scale", "SVG pikseli başına PNG pikseli (baskı ve keskin ekranlar için 2) [varsayılan: 1 ya da boyutun]"),
    ("chart", "format", "svg ya da png [varsayılan: -o'nun uzantısından, yoksa svg]"),
    ("chart", "output", "stdout yerine FILE dosyasına yazar"),
    ("sql", "sql", "SQL; `-` onu stdin'den okur"),
    ("sql", "file", "SQL'i bir dosyadan okur"),
    ("sql", "write", "Kendi tablolarınızı ve görünümlerinizi oluşturmaya izin verir (çalışma alanı veritabanında)"),
    ("shell", "write", "Kendi tablolarınızı ve görünümlerinizi oluşturmaya izin verir (çalışma alanı veritabanında)"),
    ("export", "name", "Aktarılacak adlandırılmış analiz (ya da --sql kullanın)"),
    ("export", "params", "Adlandırılmış analizin name=value biçiminde bir parametresi; birden çok verilebilir"),
    ("export", "sql", "Sonucu aktarılacak SQL"),
    ("export", "to", "Yazılacak dosya ya da --partition-by ile klasör"),
    ("export", "format", "parquet, csv, json (her satırda bir nesne) ya da xlsx [varsayılan: --to'nun uzantısından, yoksa parquet]"),
    ("export", "partition_by", "Bölümlemede kullanılacak sütunlar, COL[,COL] biçiminde"),
    ("export", "overwrite", "Hedef varsa yerine yazar"),
    ("export", "locale", "Bir çalışma kitabının başlıklarının ve sözcüklerinin (en verilmedikçe Türkçe) ve notların dili: en ya da tr [varsayılan: IHRACAT_LOCALE'den]"),
    ("report", "year", "Yıl [varsayılan: --month ile birlikte, verideki son ay]"),
    ("report", "month", "Ay: --year ile 1 ile 12 arası, ya da yılıyla: 2025-10 [varsayılan: verideki son ay]"),
    ("report", "basis", "Faaliyet ili (Ticaret Bakanlığı) ya da kayıtlı il (TİM)"),
    ("report", "lang", "Raporun dili: sözcükleri, sayıları ve ayları"),
    ("report", "format", "text (terminalde okumak için), markdown, json (kaynaklarıyla rakamlar), html ya da xlsx"),
    ("report", "output", "stdout yerine FILE dosyasına yazar"),
    ("serve", "port", "Port (0: boş herhangi bir port, başlarken yazılır)"),
    ("serve", "host", "Dinlenecek adres; bir geri döngü (loopback) adresinden başka her adres bütün ağa sunar"),
    ("serve", "no_sql", "Serbest SQL sayfasını kapatır"),
    ("serve", "time_limit", "Bir sorgunun kesilmeden önce çalışabileceği saniye"),
    ("serve", "max_rows", "Bir sayfanın gösterdiği satır sayısı (indirilenlerde hepsi vardır)"),
    ("serve", "no_cache", "Yinelenen istekler dahil her isteğin sorgusunu çalıştırır (yoksa yanıtlar veritabanı dosyası değişene kadar saklanır)"),
    ("serve", "open", "Dinlemeye başlayınca adresi varsayılan tarayıcıda açar"),
    ("mcp", "allow_sql", "run_sql aracını sunar: dosya erişimi kapalı, satır ve süre sınırıyla tek bir salt okunur SELECT"),
    ("mcp", "time_limit", "Bir çağrının kesilmeden önce çalışabileceği saniye"),
    ("mcp", "max_rows", "Bir sonucun taşıdığı satır sayısı; daha uzun bir sonuç kesildiğini ve nasıl daraltılacağını söyler"),
    ("mcp", "max_bytes", "Bir sonucun taşıdığı metnin bayt sayısı"),
    ("completions", "shell", "Tamamlamanın yazılacağı kabuk"),
    ("generate", "rows", "Satır sayısı"),
    ("generate", "seed", "Tohum: aynı tohum ve satır sayısı aynı dosyaları yazar"),
    ("generate", "to", "Yazılacak klasör"),
    ("generate", "format", "Hangi dosyalar: csv, parquet ya da ikisi (both)"),
];

/// A choice's help where the English has one: (command path or `*`, argument id, value, Turkish).
const VALUES: &[(&str, &str, &str, &str)] = &[
    ("*", "format", "table", "İnsanlar için hizalı sütunlar (terminalde varsayılan)"),
    ("*", "format", "csv", "Başlık satırıyla RFC 4180 CSV (stdout terminal değilken varsayılan)"),
    ("*", "format", "tsv", "Başlık satırıyla sekmeyle ayrılmış değerler"),
    ("*", "format", "json", "Nesnelerden oluşan tek bir JSON dizisi"),
    ("*", "format", "ndjson", "Her satırda bir JSON nesnesi"),
    ("*", "format", "markdown", "GitHub biçiminde bir Markdown tablosu"),
    ("*", "format", "parquet", "Apache Parquet (bir dosya, asla terminal değil)"),
    ("*", "format", "arrow", "Arrow IPC dosyası (bir dosya, asla terminal değil)"),
    ("*", "format", "xlsx", "Kaynaklar sayfasıyla bir Excel çalışma kitabı (bir dosya, asla terminal değil)"),
    ("report", "format", "html", "Grafikleriyle (satır içi SVG) kendi başına yeten tek bir sayfa"),
    ("*", "locale", "en", "4,859,123.45"),
    ("*", "locale", "tr", "4.859.123,45"),
    ("*", "decimals", "exact", "Kesin DECIMAL değerler (varsayılan)"),
    ("*", "decimals", "float", "Düz sayı isteyen araçlar için 64 bitlik kayan noktalı sayılar"),
    ("*", "numbers", "tr", "1.234.567,89"),
    ("*", "numbers", "en", "1,234,567.89"),
    ("*", "kind", "bar", "Her satır için bir yatay çubuk (sıralamalar)"),
    ("*", "kind", "line", "Dönemler boyunca her seri için bir çizgi (zaman serileri)"),
    ("*", "kind", "map", "Değerine göre renklendirilmiş 81 il"),
    ("*", "breaks", "quantile", "Her sınıfta aşağı yukarı aynı sayıda il"),
    ("*", "breaks", "jenks", "Fisher-Jenks doğal kırılmaları"),
    ("report", "format", "xlsx", "Tablolar, her biri bir sayfada ve kaynaklarıyla, bir Excel çalışma kitabı olarak"),
];

/// clap's layout with its headings in Turkish.
const TEMPLATE: &str = "{before-help}{about-with-newline}\nKullanım: {usage}\n\n{all-args}{after-help}";

/// `command`, built, with its words in Turkish.
pub fn in_turkish(mut command: Command) -> Command {
    command.build();
    translate(command, "")
}

fn translate(command: Command, path: &str) -> Command {
    let mut command = command.help_template(TEMPLATE).subcommand_help_heading("Komutlar").subcommand_value_name("KOMUT");
    if let Some(text) = description(path) {
        let text = flowing(text);
        let about = text.split("\n\n").next().unwrap_or(&text).to_string();
        command = command.about(about).long_about(text);
    }
    if path.is_empty() {
        command = command.after_help(super::AFTER_HELP_TR).after_long_help(super::AFTER_HELP_TR);
    }
    let ids: Vec<String> = command.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        command = command.mut_arg(id.as_str(), |arg| argument(arg, path));
    }
    let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in names {
        let child = if path.is_empty() { name.clone() } else { format!("{path} {name}") };
        command = command.mut_subcommand(name.as_str(), |c| translate(c, &child));
    }
    command
}

/// A command's description; the `help` command's children stand for the commands they name.
/// Prose paragraphs as one line each, for clap to wrap to the terminal; a paragraph with indented
/// lines (examples, a list of dot-commands) as written.
fn flowing(text: &str) -> String {
    text.split("\n\n")
        .map(|paragraph| if paragraph.lines().any(|l| l.starts_with(' ')) { paragraph.to_string() } else { paragraph.lines().collect::<Vec<_>>().join(" ") })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn description(path: &str) -> Option<&'static str> {
    let words: Vec<&str> = path.split(' ').filter(|w| !w.is_empty()).collect();
    if words.last() == Some(&"help") {
        return Some(HELP_COMMAND);
    }
    let named = words.iter().filter(|w| **w != "help").copied().collect::<Vec<_>>().join(" ");
    COMMANDS.iter().find(|(p, _)| *p == named).map(|(_, text)| *text)
}

fn value_help(path: &str, id: &str, value: &str) -> Option<&'static str> {
    let find = |p: &str| VALUES.iter().find(|(at, a, v, _)| *at == p && *a == id && *v == value).map(|(_, _, _, t)| *t);
    find(path).or_else(|| find("*"))
}

fn help_of(path: &str, id: &str) -> Option<&'static str> {
    ARGS.iter().find(|(p, i, _)| *p == path && *i == id).or_else(|| ARGS.iter().find(|(p, i, _)| *p == "*" && *i == id)).map(|(_, _, text)| *text)
}

/// An argument's help in Turkish, with what clap would add in English (its default, its
/// environment variable, its choices) said in Turkish after it.
fn argument(arg: Arg, path: &str) -> Arg {
    let id = arg.get_id().to_string();
    let Some(text) = help_of(path, &id) else { return arg };
    let mut short = text.to_string();
    let mut long = text.to_string();
    let choices: Vec<_> = if arg.is_hide_possible_values_set() { Vec::new() } else { arg.get_possible_values().into_iter().filter(|v| !v.is_hide_set()).collect() };
    let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() && arg.get_action().takes_values() {
        let default = format!(" [varsayılan: {}]", defaults.join(", "));
        short.push_str(&default);
        long.push_str(&default);
    }
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let env = format!(" [ortam değişkeni: {}]", env.to_string_lossy());
        short.push_str(&env);
        long.push_str(&env);
    }
    if !choices.is_empty() && arg.get_action().takes_values() {
        let names: Vec<&str> = choices.iter().map(|v| v.get_name()).collect();
        short.push_str(&format!(" [olası değerler: {}]", names.join(", ")));
        if choices.iter().any(|v| v.get_help().is_some()) {
            long.push_str("\n\nOlası değerler:");
            for value in &choices {
                match value.get_help().and(value_help(path, &id, value.get_name())) {
                    Some(help) => long.push_str(&format!("\n- {}: {help}", value.get_name())),
                    None => long.push_str(&format!("\n- {}", value.get_name())),
                }
            }
        } else {
            long.push_str(&format!(" [olası değerler: {}]", names.join(", ")));
        }
    }
    let heading = if arg.is_positional() { "Argümanlar" } else { "Seçenekler" };
    arg.help(short).long_help(long).help_heading(heading).hide_default_value(true).hide_env(true).hide_possible_values(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command, argument and described choice, with the English clap shows for it.
    fn walk(command: &Command, path: &str, out: &mut Vec<(String, String, String)>) {
        out.push((path.to_string(), String::new(), command.get_long_about().or(command.get_about()).map(|s| s.to_string()).unwrap_or_default()));
        for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
            let english = arg.get_long_help().or(arg.get_help()).map(|s| s.to_string()).unwrap_or_default();
            out.push((path.to_string(), arg.get_id().to_string(), english));
            for value in arg.get_possible_values().iter().filter(|v| v.get_help().is_some()) {
                out.push((format!("value {path}|{}", arg.get_id()), value.get_name().to_string(), value.get_help().map(|h| h.to_string()).unwrap_or_default()));
            }
        }
        for sub in command.get_subcommands() {
            let child = if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
            walk(sub, &child, out);
        }
    }

    #[test]
    fn every_command_argument_and_choice_has_turkish_and_every_entry_names_one() {
        let mut command = super::super::Cli::command();
        command.build();
        let mut all = Vec::new();
        walk(&command, "", &mut all);
        let mut missing = Vec::new();
        for (path, id, english) in &all {
            let found = if let Some((at, arg)) = path.strip_prefix("value ").and_then(|rest| rest.split_once('|')) {
                value_help(at, arg, id).is_some()
            } else if id.is_empty() {
                description(path).is_some()
            } else {
                help_of(path, id).is_some()
            };
            if !found {
                missing.push(format!("({path:?}, {id:?}, {english:?})"));
            }
        }
        assert!(missing.is_empty(), "{} without Turkish:\n{}", missing.len(), missing.join("\n"));
        for (path, _) in COMMANDS {
            assert!(all.iter().any(|(p, i, _)| p == path && i.is_empty()), "no command `{path}`");
        }
        for (path, id, _) in ARGS {
            assert!(all.iter().any(|(p, i, _)| (p == path || *path == "*") && i == id), "no argument `{id}` in `{path}`");
        }
        for (at, arg, value, _) in VALUES {
            let named = |p: &str| p.strip_prefix("value ").and_then(|r| r.split_once('|')).is_some_and(|(pp, a)| (pp == *at || *at == "*") && a == *arg);
            assert!(all.iter().any(|(p, i, _)| named(p) && i == value), "no choice `{value}` of `{arg}` in `{at}`");
        }
    }
}
