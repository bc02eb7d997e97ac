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

-- The detail macros (detail_cells, detail_values, detail_completeness, detail_by_province,
-- detail_ranking) are created in their current form by 003_province_first.sql.
