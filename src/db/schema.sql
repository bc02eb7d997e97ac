-- The managed schema of an ihracat database, version 1. Public and documented in README.md:
-- users write SQL against these tables, so renaming a column is a breaking change.

CREATE TABLE ihracat_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- Turns a name as real tables print it into the key that resolution compares:
-- Turkish letters folded (I/ı/İ/i alike), case, spacing and punctuation dropped.
CREATE MACRO name_key(s) AS
    regexp_replace(lower(translate(s, 'İIıÇçĞğÖöŞşÜüÂâÎîÛû', 'iiiccggoossuuaaiiuu')), '[^a-z0-9]', '', 'g');

CREATE TABLE provinces (
    code       INTEGER PRIMARY KEY,            -- plate code, 1-81
    name       VARCHAR NOT NULL UNIQUE,        -- official Turkish name
    name_ascii VARCHAR NOT NULL UNIQUE,
    nuts1_code VARCHAR NOT NULL,               -- İBBS Düzey 1
    nuts1_name VARCHAR NOT NULL,
    nuts2_code VARCHAR NOT NULL,               -- İBBS Düzey 2
    nuts2_name VARCHAR NOT NULL
);

-- Every spelling resolution accepts, by its name_key; the primary key makes two provinces
-- sharing a key impossible.
CREATE TABLE province_aliases (
    alias_key     VARCHAR PRIMARY KEY,
    province_code INTEGER NOT NULL,
    alias         VARCHAR NOT NULL,
    note          VARCHAR
);

-- What the releases said, one statement a row, and the values derived from them.
CREATE TABLE published_figures (
    release_year  INTEGER NOT NULL,            -- the release that made the statement
    release_month INTEGER NOT NULL,
    period        VARCHAR NOT NULL CHECK (period IN ('month', 'ytd', 'year')),
    year          INTEGER NOT NULL,            -- the period the figure describes
    month         INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    basis         VARCHAR NOT NULL CHECK (basis IN ('activity', 'registered', 'unknown')),
    province_code INTEGER,                     -- NULL for national figures
    metric        VARCHAR NOT NULL CHECK (metric IN ('exports', 'increase', 'change_pct', 'total_exports',
                                                     'total_change_pct', 'provinces_over_1b', 'provinces_increased')),
    rank          INTEGER,
    value         DECIMAL(18, 2) NOT NULL,
    unit          VARCHAR NOT NULL CHECK (unit IN ('usd', 'percent', 'count')),
    precision     DECIMAL(18, 2) NOT NULL,     -- the rounding of the printed figure, in unit
    derived       BOOLEAN NOT NULL,
    derived_from  VARCHAR,                     -- how a derived value was computed
    source_url    VARCHAR NOT NULL,
    note          VARCHAR                      -- doubts about the statement
);

CREATE SEQUENCE load_ids START 1;

CREATE TABLE loads (
    load_id        INTEGER PRIMARY KEY DEFAULT nextval('load_ids'),
    file           VARCHAR NOT NULL,
    content_sha256 VARCHAR NOT NULL,
    format         VARCHAR NOT NULL,
    basis          VARCHAR,
    unit           VARCHAR,
    loaded_at      TIMESTAMP NOT NULL,
    rows_added     BIGINT NOT NULL,
    rows_replaced  BIGINT NOT NULL
);

-- One value per province, month and basis: the value chosen by precedence (design rule 1).
CREATE TABLE exports (
    province_code INTEGER NOT NULL,
    year          INTEGER NOT NULL,
    month         INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    basis         VARCHAR NOT NULL CHECK (basis IN ('activity', 'registered')),
    value_usd     DECIMAL(18, 2) NOT NULL CHECK (value_usd >= 0),
    precision_usd DECIMAL(18, 2) NOT NULL,     -- 0 for a loaded table's exact values
    source        VARCHAR NOT NULL,            -- a release address, or the loaded file
    derived       BOOLEAN NOT NULL,
    load_id       INTEGER,                     -- NULL for bundled rows
    loaded_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (province_code, year, month, basis)
);

-- Bundled or loaded rows a load replaced, so that `unload` can put them back.
-- (The same columns as exports, after the id of the load that replaced them.)
CREATE TABLE replaced_exports AS SELECT NULL::INTEGER AS replaced_by, * FROM exports LIMIT 0;

-- Building blocks for the analyses in sql/ (and for users' own SQL). A period is `month` (that
-- month), `ytd` (January to that month) or `year` (January to December).
CREATE MACRO period_first_month(_period, _month) AS CASE _period WHEN 'month' THEN _month ELSE 1 END;
CREATE MACRO period_last_month(_period, _month) AS CASE _period WHEN 'year' THEN 12 ELSE _month END;
CREATE MACRO period_month_count(_period, _month) AS
    period_last_month(_period, _month) - period_first_month(_period, _month) + 1;

-- Each province's exports summed over a period; `complete` when every month of the period is
-- present. `origin` says where the months came from: published (a release), derived (from a
-- release's stated change), loaded (a user's file), or mixed.
CREATE MACRO period_values(_year, _month, _period, _basis) AS TABLE
    SELECT *, months = period_month_count(_period, _month) AS complete
    FROM (
        SELECT province_code,
               sum(value_usd) AS value_usd,
               count(*) AS months,
               CASE WHEN bool_and(load_id IS NOT NULL) THEN 'loaded'
                    WHEN bool_or(derived) THEN 'derived'
                    WHEN bool_and(load_id IS NULL) THEN 'published'
                    ELSE 'mixed' END AS origin,
               CASE WHEN count(DISTINCT source) = 1 THEN any_value(source)
                    ELSE format('{} sources', count(DISTINCT source)) END AS source
        FROM exports
        WHERE basis = _basis AND year = _year
          AND month BETWEEN period_first_month(_period, _month) AND period_last_month(_period, _month)
        GROUP BY province_code
    );

-- A province's value for a period: the sum of its months when all are present, else (for ytd and
-- year, design rule 6) the value a release stated for that period. Never a partial sum.
CREATE MACRO province_values(_year, _month, _period, _basis) AS TABLE
    WITH computed AS (
        SELECT province_code, value_usd, origin, source
        FROM period_values(_year, _month, _period, _basis) WHERE complete
    ),
    stated AS (
        SELECT province_code, value AS value_usd,
               CASE WHEN derived THEN 'derived' ELSE 'published' END AS origin, source_url AS source,
               row_number() OVER (PARTITION BY province_code
                                  ORDER BY derived, note IS NOT NULL, release_year * 12 + release_month DESC, precision) AS choice
        FROM published_figures
        WHERE metric = 'exports' AND province_code IS NOT NULL AND _period <> 'month'
          AND period = _period AND year = _year AND month = period_last_month(_period, _month) AND basis = _basis
    )
    SELECT * FROM computed
    UNION ALL
    SELECT province_code, value_usd, origin, source FROM stated
    WHERE choice = 1 AND province_code NOT IN (SELECT province_code FROM computed);

-- Every province with a value in the period or in the same period a year earlier, side by side.
CREATE MACRO period_compare(_year, _month, _period, _basis) AS TABLE
    SELECT p.code AS province_code, p.name AS province,
           cur.value_usd AS value_usd,
           prev.value_usd AS previous_usd,
           cur.value_usd - prev.value_usd AS change_usd,
           CASE WHEN prev.value_usd > 0
                THEN round(100 * (cur.value_usd - prev.value_usd) / prev.value_usd, 2) END AS change_pct,
           cur.origin AS origin, cur.source AS source,
           prev.origin AS previous_origin, prev.source AS previous_source
    FROM provinces p
    LEFT JOIN province_values(_year, _month, _period, _basis) cur ON cur.province_code = p.code
    LEFT JOIN province_values(_year - 1, _month, _period, _basis) prev ON prev.province_code = p.code
    WHERE cur.value_usd IS NOT NULL OR prev.value_usd IS NOT NULL;

-- The latest stated (not derived) national figure of a period, if a release gave one.
CREATE MACRO published_national(_year, _month, _period, _basis, _metric) AS TABLE
    SELECT value, precision, source_url
    FROM published_figures
    WHERE province_code IS NULL AND metric = _metric AND NOT derived
      AND year = _year AND month = _month AND period = _period AND basis = _basis
    ORDER BY note IS NOT NULL, release_year * 12 + release_month DESC, precision
    LIMIT 1;

-- What shares are of. Version 1's rule; migration 004 replaces it with design rule 7 (a complete
-- panel first, then Turkey's published total, else none).
CREATE MACRO period_denominator(_year, _month, _period, _basis) AS TABLE
    WITH national AS (FROM published_national(_year, _month, _period, _basis, 'total_exports')),
         panel AS (SELECT sum(value_usd) AS total, count(*) AS provinces
                   FROM province_values(_year, _month, _period, _basis))
    SELECT coalesce((SELECT value FROM national), panel.total) AS total_usd,
           CASE WHEN EXISTS (FROM national) THEN 'published national total'
                WHEN panel.provinces = 81 THEN 'sum of all 81 provinces'
                ELSE format('sum of the {} provinces with data (incomplete panel)', panel.provinces) END AS share_of,
           panel.provinces AS panel
    FROM panel;
