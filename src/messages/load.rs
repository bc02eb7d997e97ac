//! A load's refusals, notes and warnings in Turkish: the templates `messages` reads them by,
//! whole (`LOAD`), cell by cell (`CELL`), and the roles a column plays (`ROLES`).

/// A load's refusals, notes and warnings said whole: (English, Turkish). The first value of a
/// refusal is the file or the place (file and line or row), said as `place` says it. The longer
/// of two templates that share a start comes first.
pub(super) const LOAD: &[(&str, &str)] = &[
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
pub(super) const CELL: &[(&str, &str)] = &[
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

/// The roles a column plays in a load (a file's header, or the role itself where the file names
/// none, as a Parquet or JSON field called `province`), in Turkish.
pub(super) const ROLES: &[(&str, &str)] = &[
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
