-- Schema version 2: exports by province, partner country and product, with the reference
-- tables that resolve countries and products.

-- Lower case with Turkish rules (I → ı, İ → i): DuckDB's lower() follows the default Unicode rules.
CREATE MACRO turkish_lower(s) AS lower(replace(replace(s, 'İ', 'i'), 'I', 'ı'));

CREATE TABLE countries (
    code           VARCHAR PRIMARY KEY,  -- ISO 3166-1 alpha-2; XA-XZ for entries that are not ISO countries
    alpha3         VARCHAR,
    numeric        VARCHAR,              -- ISO 3166-1 numeric (not the EU geonomenclature numbers)
    name_en        VARCHAR NOT NULL,
    name_tr        VARCHAR NOT NULL,
    common_name_en VARCHAR,
    short_name_tr  VARCHAR,              -- the name releases print, where it differs (ABD, İngiltere)
    iso            BOOLEAN NOT NULL
);

CREATE TABLE country_aliases (
    alias_key    VARCHAR PRIMARY KEY,
    country_code VARCHAR NOT NULL,
    alias        VARCHAR NOT NULL,
    note         VARCHAR
);

-- HS codes as text with their leading zeros; the level follows from the length (2: chapter).
CREATE TABLE products (
    code     VARCHAR PRIMARY KEY,
    level    VARCHAR NOT NULL,
    title_tr VARCHAR,
    title_en VARCHAR,
    short_name_tr VARCHAR,   -- the short name releases print ("motorlu kara taşıtları"), where known
    short_name_en VARCHAR
);

CREATE TABLE product_aliases (
    alias_key    VARCHAR PRIMARY KEY,
    product_code VARCHAR NOT NULL,
    alias        VARCHAR NOT NULL,
    note         VARCHAR
);

-- One value per province, month, basis, country and product: `load` keeps the key unique (it
-- refuses duplicates in a file and replaces what a file overlaps); there is no index, which would
-- cost memory in proportion to tens of millions of rows. 'ALL' is the explicit member for
-- "all countries" or "all products": a province-by-product row has country_code 'ALL', a
-- province-by-country row product_code 'ALL'. Rows of different shapes are never added up.
CREATE TABLE detail (
    province_code INTEGER NOT NULL,
    year          INTEGER NOT NULL,
    month         INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    basis         VARCHAR NOT NULL CHECK (basis IN ('activity', 'registered')),
    country_code  VARCHAR NOT NULL,
    product_code  VARCHAR NOT NULL,
    value_usd     DECIMAL(18, 2) NOT NULL CHECK (value_usd >= 0),
    precision_usd DECIMAL(18, 2) NOT NULL,
    quantity      DECIMAL(18, 3),
    quantity_unit VARCHAR,
    source        VARCHAR NOT NULL,
    load_id       INTEGER,
    loaded_at     TIMESTAMP NOT NULL,
    complete_table BOOLEAN NOT NULL DEFAULT false,  -- loaded with --complete: the file is the whole table
    CHECK (country_code <> 'ALL' OR product_code <> 'ALL')
);

-- Detail rows a load replaced, so that `unload` can put them back.
-- (The same columns as detail, after the id of the load that replaced them.)
CREATE TABLE replaced_detail AS SELECT NULL::INTEGER AS replaced_by, * FROM detail LIMIT 0;

-- Which table a load wrote, and whether it declared itself a complete table.
ALTER TABLE loads ADD COLUMN target VARCHAR DEFAULT 'exports';
ALTER TABLE loads ADD COLUMN complete BOOLEAN DEFAULT false;

-- The releases' statements of leading provinces' top chapters and countries, as printed.
CREATE TABLE published_detail (
    release_year      INTEGER NOT NULL,
    release_month     INTEGER NOT NULL,
    period            VARCHAR NOT NULL,
    year              INTEGER NOT NULL,
    month             INTEGER NOT NULL,
    basis             VARCHAR NOT NULL,
    province_code     INTEGER NOT NULL,
    dimension         VARCHAR NOT NULL CHECK (dimension IN ('chapter', 'country')),
    rank              INTEGER,
    code              VARCHAR NOT NULL,   -- the chapter or country the printed name resolves to
    name_as_published VARCHAR NOT NULL,
    language          VARCHAR NOT NULL,
    value_usd         DECIMAL(18, 2) NOT NULL,
    precision_usd     DECIMAL(18, 2) NOT NULL,
    source_url        VARCHAR NOT NULL
);

-- Each province's value for each product chapter (or partner country) over a period, when every
-- month of the period is present. `_dimension` is 'product' or 'country'. For each province and
-- month the two-way rows are used when there are any (a chapter over all countries, or a country
-- over all chapters), else the full province × country × product table summed: the two are
-- never added together. `shape` says which.
CREATE MACRO detail_cells(_year, _month, _period, _basis, _dimension) AS TABLE
    WITH rows AS (
        SELECT province_code, month, value_usd, precision_usd, source, complete_table,
               CASE WHEN _dimension = 'product' THEN product_code ELSE country_code END AS code,
               CASE WHEN country_code <> 'ALL' AND product_code <> 'ALL' THEN 'full table'
                    WHEN _dimension = 'product' AND country_code = 'ALL' THEN 'two-way'
                    WHEN _dimension = 'country' AND product_code = 'ALL' THEN 'two-way' END AS shape
        FROM detail
        WHERE basis = _basis AND year = _year
          AND month BETWEEN period_first_month(_period, _month) AND period_last_month(_period, _month)
    ),
    chosen AS (
        SELECT *, bool_or(shape = 'two-way') OVER (PARTITION BY province_code, month) AS has_two_way
        FROM rows WHERE shape IS NOT NULL
    )
    SELECT province_code, code, value_usd, precision_usd, source, complete_table, shape
    FROM (
        SELECT province_code, code, sum(value_usd) AS value_usd, sum(precision_usd) AS precision_usd,
               string_agg(DISTINCT source, ' ; ') AS source, bool_and(complete_table) AS complete_table, any_value(shape) AS shape,
               count(DISTINCT month) AS months
        FROM chosen
        WHERE shape = CASE WHEN has_two_way THEN 'two-way' ELSE 'full table' END
        GROUP BY province_code, code
    )
    WHERE months = period_month_count(_period, _month);

-- The same summed over one province (or all, when _province is NULL), by code.
CREATE MACRO detail_values(_year, _month, _period, _basis, _province, _dimension) AS TABLE
    SELECT code, sum(value_usd) AS value_usd, count(*) AS provinces, sum(precision_usd) AS precision_usd,
           CASE WHEN count(DISTINCT source) = 1 THEN any_value(source) ELSE format('{} sources', count(DISTINCT source)) END AS source,
           CASE WHEN count(DISTINCT shape) = 1 THEN any_value(shape) ELSE 'mixed' END AS shape
    FROM detail_cells(_year, _month, _period, _basis, _dimension)
    WHERE _province IS NULL OR province_code = _province
    GROUP BY code;

-- Each province's detail beside its total: complete when the detail adds up to the total within
-- its rounding (half the sum of its precisions, or 0.1 % of the total), or when it was loaded
-- from a file declared to be the whole table (load --complete). Analyses that mean
-- nothing on partial detail refuse unless it is complete.
CREATE MACRO detail_completeness(_year, _month, _period, _basis, _dimension) AS TABLE
    SELECT p.code AS province_code, p.name AS province,
           -- A complete table is its own total when exports has none for the period.
           coalesce(v.value_usd, CASE WHEN d.complete_table THEN d.detail_usd END) AS total_usd,
           d.detail_usd,
           round(100 * d.detail_usd / coalesce(v.value_usd, CASE WHEN d.complete_table THEN d.detail_usd END), 2)::DOUBLE AS coverage_pct,
           coalesce(d.complete_table OR abs(d.detail_usd - v.value_usd) <= greatest(d.precision_usd / 2, v.value_usd / 1000), false) AS complete
    FROM provinces p
    LEFT JOIN province_values(_year, _month, _period, _basis) v ON v.province_code = p.code
    LEFT JOIN (SELECT province_code, sum(value_usd) AS detail_usd, sum(precision_usd) AS precision_usd, bool_and(complete_table) AS complete_table
               FROM detail_cells(_year, _month, _period, _basis, _dimension) GROUP BY ALL) d ON d.province_code = p.code
    WHERE v.value_usd IS NOT NULL OR d.detail_usd IS NOT NULL;

-- One product chapter (or country) across provinces: each province's value, a year earlier, and
-- its shares of the code's total and of the province's total.
CREATE MACRO detail_by_province(_year, _month, _period, _basis, _code, _dimension) AS TABLE
    WITH cur AS (SELECT * FROM detail_cells(_year, _month, _period, _basis, _dimension) WHERE code = _code),
    prev AS (SELECT * FROM detail_cells(_year - 1, _month, _period, _basis, _dimension) WHERE code = _code)
    SELECT p.code AS province_code, p.name AS province, cur.value_usd, prev.value_usd AS previous_usd,
           cur.value_usd - prev.value_usd AS change_usd,
           CASE WHEN prev.value_usd > 0 THEN round(100 * (cur.value_usd - prev.value_usd) / prev.value_usd, 2) END::DOUBLE AS change_pct,
           round(100 * cur.value_usd / sum(cur.value_usd) OVER (), 2)::DOUBLE AS share_of_code_pct,
           round(100 * cur.value_usd / v.value_usd, 2)::DOUBLE AS share_of_province_pct
    FROM provinces p
    LEFT JOIN cur ON cur.province_code = p.code
    LEFT JOIN prev ON prev.province_code = p.code
    LEFT JOIN province_values(_year, _month, _period, _basis) v ON v.province_code = p.code
    WHERE cur.value_usd IS NOT NULL OR prev.value_usd IS NOT NULL;

-- detail_values ranked, beside the same period a year earlier and the province's (or Turkey's)
-- total. complete says whether the listed codes add up to the total within their rounding (the
-- sum of their precisions, or 0.1 % of the total): bundled detail is the releases' top three.
CREATE MACRO detail_ranking(_year, _month, _period, _basis, _province, _dimension) AS TABLE
    WITH cur AS (FROM detail_values(_year, _month, _period, _basis, _province, _dimension)),
    prev AS (FROM detail_values(_year - 1, _month, _period, _basis, _province, _dimension)),
    total AS (
        SELECT CASE WHEN _province IS NULL
                    THEN coalesce((SELECT total_usd FROM period_denominator(_year, _month, _period, _basis)),
                                  (SELECT sum(total_usd) FROM detail_completeness(_year, _month, _period, _basis, _dimension)))
                    ELSE (SELECT total_usd FROM detail_completeness(_year, _month, _period, _basis, _dimension) WHERE province_code = _province) END AS total_usd
    ),
    listed AS (SELECT sum(value_usd) AS value_usd, sum(precision_usd) AS precision_usd FROM cur)
    SELECT rank() OVER (ORDER BY cur.value_usd DESC) AS rank, cur.code, cur.value_usd,
           round(100 * cur.value_usd / t.total_usd, 2)::DOUBLE AS share_pct,
           cur.value_usd - prev.value_usd AS change_usd,
           CASE WHEN prev.value_usd > 0 THEN round(100 * (cur.value_usd - prev.value_usd) / prev.value_usd, 2) END::DOUBLE AS change_pct,
           cur.precision_usd, cur.provinces, cur.source, cur.shape, t.total_usd,
           round(100 * l.value_usd / t.total_usd, 2)::DOUBLE AS detail_coverage_pct,
           CASE WHEN _province IS NULL
                THEN NOT EXISTS (SELECT 1 FROM detail_completeness(_year, _month, _period, _basis, _dimension) WHERE NOT complete)
                ELSE coalesce((SELECT complete FROM detail_completeness(_year, _month, _period, _basis, _dimension) WHERE province_code = _province), false) END AS complete
    FROM cur CROSS JOIN total t CROSS JOIN listed l LEFT JOIN prev ON prev.code = cur.code;
