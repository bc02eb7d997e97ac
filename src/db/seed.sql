-- Fills (or refreshes) the bundled rows from the _seed_* tables that db::seed stages from data/.
-- Runs in one transaction; rows that came from a user's load are never touched.

SELECT error(format('data/province_aliases.csv: "{}" would name both {} and {}', alias, a, b))
FROM (
    SELECT s.alias, p1.name AS a, p2.name AS b
    FROM _seed_aliases s
    JOIN _seed_provinces p1 ON p1.code = s.code
    JOIN _seed_provinces p2 ON name_key(p2.name) = name_key(s.alias) AND p2.code <> s.code
);

DELETE FROM provinces;
INSERT INTO provinces
SELECT code::INTEGER, name, name_ascii, nuts1_code, nuts1_name, nuts2_code, nuts2_name
FROM _seed_provinces;

DELETE FROM province_aliases;
INSERT INTO province_aliases
SELECT name_key(alias), code, alias, note FROM (
    SELECT name AS alias, code, 'official name' AS note FROM provinces
    UNION ALL
    SELECT alias, code::INTEGER, note FROM _seed_aliases
);

SELECT error(format('data/published_figures.csv: province "{}" is not a province', province))
FROM _seed_published s
WHERE province IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM province_aliases a WHERE a.alias_key = name_key(s.province));

DELETE FROM published_figures;
-- Columns by name: a database migrated from an older schema may hold them in another order.
INSERT INTO published_figures (release_year, release_month, period, year, month, basis, province_code, metric, rank, value, unit,
                               precision, derived, derived_from, source_url, note, release_kind, quote)
SELECT s.release_year::INTEGER, s.release_month::INTEGER, s.period, s.year::INTEGER, s.month::INTEGER, s.basis,
       a.province_code, s.metric, s.rank::INTEGER, s.value::DECIMAL(18, 2), s.unit, s.precision::DECIMAL(18, 2),
       false, NULL, s.source_url, s.note, s.release_kind, nullif(s.quote, '')
FROM _seed_published s
LEFT JOIN province_aliases a ON a.alias_key = name_key(s.province);

-- A previous year's value from a release that states this year's value and the increase, kept at
-- the precision of both roundings (design rule 39: "1,3 milyar" less 127,1 million is 1,2 billion).
INSERT INTO published_figures (release_year, release_month, period, year, month, basis, province_code, metric, rank, value, unit,
                               precision, derived, derived_from, source_url, note, release_kind, quote)
SELECT e.release_year, e.release_month, e.period, e.year - 1, e.month, e.basis, e.province_code, 'exports', NULL,
       shown_usd(e.value - i.value, e.precision + i.precision), 'usd', e.precision + i.precision, true,
       format('{} (stated) minus the stated increase {}', e.value::BIGINT, i.value::BIGINT),
       i.source_url, coalesce(e.note, i.note), e.release_kind, NULL
FROM published_figures e
JOIN published_figures i USING (release_year, release_month, period, year, month, basis, province_code)
WHERE e.metric = 'exports' AND i.metric = 'increase' AND NOT e.derived AND NOT i.derived
  AND e.year = e.release_year
  -- Nothing is derived from a change whose own statement carries a doubt (stated_changes_all's
  -- rule: a note of the change's own, not one its value carries alone), as none is shown.
  AND (i.note IS NULL OR i.note IS NOT DISTINCT FROM e.note);

-- A previous year's value from a stated value and its percent change: coarser, since the percent
-- is printed to one decimal; its precision carries both roundings, and the value is kept at that
-- precision (design rule 39: 4,859 million after a fall of 6,1 % is 5,175 million, not
-- 5,174,653,887 dollars).
INSERT INTO published_figures (release_year, release_month, period, year, month, basis, province_code, metric, rank, value, unit,
                               precision, derived, derived_from, source_url, note, release_kind, quote)
SELECT release_year, release_month, period, year, month, basis, province_code, 'exports', NULL,
       shown_usd(exact, precision), 'usd', precision, true, derived_from, source_url, note, release_kind, NULL
FROM (
    SELECT e.release_year, e.release_month, e.period, e.year - 1 AS year, e.month, e.basis, e.province_code,
           e.value / (1 + c.value / 100) AS exact,
           round(e.precision / (1 + c.value / 100) + e.value * c.precision / 100 / pow(1 + c.value / 100, 2), 0)::DECIMAL(18, 2) AS precision,
           format('{} (stated) divided by 1 + {} %', e.value::BIGINT, c.value::DOUBLE) AS derived_from,
           c.source_url, coalesce(e.note, c.note) AS note, e.release_kind
    FROM published_figures e
    JOIN published_figures c USING (release_year, release_month, period, year, month, basis, province_code, source_url)
    WHERE e.metric = 'exports' AND c.metric = 'change_pct' AND NOT e.derived AND NOT c.derived
      AND e.year = e.release_year AND c.value > -100
      -- March 2024 İstanbul's printed "-23" (probably -2.3) would give 5,730 million for March 2023.
      AND (c.note IS NULL OR c.note IS NOT DISTINCT FROM e.note)
);

-- A month's national total from two stated year-to-date totals of the same year (to that month
-- and to the month before; January's year-to-date total is the month's). Shares of a month need
-- it: releases state the year-to-date total, rarely the month's. Its precision is the sum of both,
-- and it is kept at that precision (224,600 less 200,625 million, each to 100 million and to the
-- million, is 24,000 million, not 23,975).
WITH ytd AS (
    SELECT * FROM (
        SELECT *, row_number() OVER (PARTITION BY year, month, basis
                                     ORDER BY note IS NOT NULL, release_year * 12 + release_month DESC, precision) AS choice
        FROM published_figures
        WHERE province_code IS NULL AND metric = 'total_exports' AND NOT derived AND period IN ('ytd', 'year')
    ) WHERE choice = 1
)
INSERT INTO published_figures (release_year, release_month, period, year, month, basis, province_code, metric, rank, value, unit,
                               precision, derived, derived_from, source_url, note, release_kind, quote)
SELECT cur.release_year, cur.release_month, 'month', cur.year, cur.month, cur.basis, NULL, 'total_exports', NULL,
       shown_usd(cur.value - coalesce(prev.value, 0), cur.precision + coalesce(prev.precision, 0)), 'usd',
       cur.precision + coalesce(prev.precision, 0), true,
       CASE WHEN cur.month = 1 THEN 'the January year-to-date total (stated)'
            ELSE format('the January-{} total {} (stated) minus the January-{} total {} (stated, {})',
                        cur.month, cur.value::BIGINT, prev.month, prev.value::BIGINT, prev.source_url) END,
       cur.source_url, coalesce(cur.note, prev.note), cur.release_kind, NULL
FROM ytd cur
LEFT JOIN ytd prev ON prev.year = cur.year AND prev.month = cur.month - 1 AND prev.basis = cur.basis
WHERE cur.month = 1 OR prev.value IS NOT NULL;

-- Every note in Turkish too (migration 018): the release copies' notes are English, verbatim;
-- data/published_notes.csv translates each one, and a note it lacks stops the seed.
SELECT error(format('data/published_notes.csv: no Turkish for the note "{}" of data/published_figures.csv', note))
FROM (SELECT DISTINCT note FROM published_figures WHERE note IS NOT NULL) f
WHERE NOT EXISTS (SELECT 1 FROM _seed_notes n WHERE n.note = f.note AND coalesce(n.note_tr, '') <> '');

UPDATE published_figures f SET note_tr = n.note_tr FROM _seed_notes n WHERE n.note = f.note;

-- design rule 1: a stated value beats a derived one; among stated values the later release wins,
-- then the finer rounding; among derived ones the finer precision wins. A loaded row beats them all.
DELETE FROM exports WHERE load_id IS NULL;
INSERT INTO exports
SELECT province_code, year, month, basis, value, precision, source_url, derived, NULL, now()::TIMESTAMP
FROM (
    SELECT *, row_number() OVER (
        PARTITION BY province_code, year, month, basis
        ORDER BY derived, CASE WHEN derived THEN precision END, release_year * 12 + release_month DESC,
                 precision, note IS NOT NULL, source_url) AS choice
    FROM published_figures
    WHERE period = 'month' AND metric = 'exports' AND basis IN ('activity', 'registered')
) candidates
WHERE choice = 1
  AND NOT EXISTS (
      SELECT 1 FROM exports loaded
      WHERE loaded.province_code = candidates.province_code AND loaded.year = candidates.year
        AND loaded.month = candidates.month AND loaded.basis = candidates.basis);

-- Countries: ISO 3166-1 with Turkish names, and the names tables print. A name beats a code
-- when both fold to the same key; two countries sharing a name is an error.
DELETE FROM countries;
INSERT INTO countries
SELECT c.code, nullif(c.alpha3, ''), nullif(c.numeric, ''), c.name_en, c.name_tr, nullif(c.common_name_en, ''), a.alias, c.iso::BOOLEAN
FROM _seed_countries c
LEFT JOIN (SELECT * FROM _seed_country_aliases WHERE display::BOOLEAN) a ON a.code = c.code;

CREATE OR REPLACE TEMP TABLE _country_spellings AS
SELECT name_key(spelling) AS k, code, spelling, note, priority FROM (
    SELECT name_tr AS spelling, code, 'Turkish name (iso-codes)' AS note, 1 AS priority FROM countries
    UNION ALL SELECT name_en, code, 'English name (ISO 3166-1)', 2 FROM countries
    UNION ALL SELECT common_name_en, code, 'English common name', 3 FROM countries WHERE common_name_en IS NOT NULL
    UNION ALL SELECT alias, code, note, 4 FROM _seed_country_aliases
    UNION ALL SELECT alpha3, code, 'ISO 3166-1 alpha-3', 5 FROM countries WHERE alpha3 IS NOT NULL
    UNION ALL SELECT code, code, 'ISO 3166-1 alpha-2', 6 FROM countries
);

SELECT error(format('countries: "{}" would name both {}', any_value(spelling), string_agg(DISTINCT code, ' and ')))
FROM _country_spellings WHERE priority <= 4
GROUP BY k HAVING count(DISTINCT code) > 1;

DELETE FROM country_aliases;
INSERT INTO country_aliases
SELECT k, arg_min(code, priority), arg_min(spelling, priority), arg_min(note, priority)
FROM _country_spellings GROUP BY k;
DROP TABLE _country_spellings;

-- Products: the HS chapters, with the short names releases print. Chapter 77 is reserved (no
-- goods are classified in it), so it is no product: a table or a parameter naming it is refused.
DELETE FROM products;
INSERT INTO products
SELECT c.chapter, 'chapter', nullif(c.title_tr, ''), c.title_en, tr.alias, en.alias
FROM _seed_chapters c
LEFT JOIN (SELECT * FROM _seed_product_aliases WHERE display::BOOLEAN AND language = 'tr') tr ON tr.code = c.chapter
LEFT JOIN (SELECT * FROM _seed_product_aliases WHERE display::BOOLEAN AND language = 'en') en ON en.code = c.chapter
WHERE c.title_en NOT LIKE '(Reserved%';

DELETE FROM product_aliases;
INSERT INTO product_aliases
SELECT k, arg_min(code, priority), arg_min(spelling, priority), arg_min(note, priority) FROM (
    SELECT name_key(alias) AS k, code, alias AS spelling, note, 1 AS priority FROM _seed_product_aliases
    UNION ALL SELECT name_key(title_tr), code, title_tr, 'chapter title (Turkish tariff)', 2 FROM products WHERE title_tr IS NOT NULL
    UNION ALL SELECT name_key(title_en), code, title_en, 'chapter title (HS 2022)', 3 FROM products
) GROUP BY k;

-- The releases' top chapters and countries, resolved with the same tables users resolve with.
SELECT error(format('data/published_detail.csv: "{}" ({}) does not resolve', name_as_published, dimension))
FROM _seed_detail s
WHERE NOT EXISTS (SELECT 1 FROM product_aliases a WHERE s.dimension = 'chapter' AND a.alias_key = name_key(s.name_as_published))
  AND NOT EXISTS (SELECT 1 FROM country_aliases a WHERE s.dimension = 'country' AND a.alias_key = name_key(s.name_as_published));

DELETE FROM published_detail;
INSERT INTO published_detail
SELECT s.year::INTEGER, s.month::INTEGER, s.period, s.year::INTEGER, s.month::INTEGER, s.basis, p.province_code,
       s.dimension, s.rank::INTEGER, coalesce(pa.product_code, ca.country_code), s.name_as_published, s.language,
       s.value_usd::DECIMAL(18, 2), CASE s.precision WHEN 'exact' THEN 1000 ELSE 1000000 END, s.source_url
FROM _seed_detail s
JOIN province_aliases p ON p.alias_key = name_key(s.province)
LEFT JOIN product_aliases pa ON s.dimension = 'chapter' AND pa.alias_key = name_key(s.name_as_published)
LEFT JOIN country_aliases ca ON s.dimension = 'country' AND ca.alias_key = name_key(s.name_as_published);

-- The published figures as two-way detail rows: a chapter over all countries, a country over
-- all chapters. A loaded row beats them; among statements the finer precision wins.
DELETE FROM detail WHERE load_id IS NULL;
INSERT INTO detail
SELECT province_code, year, month, basis,
       CASE WHEN dimension = 'country' THEN code ELSE 'ALL' END,
       CASE WHEN dimension = 'chapter' THEN code ELSE 'ALL' END,
       value_usd, precision_usd, NULL, NULL, source_url, NULL, now()::TIMESTAMP, false
FROM (
    SELECT *, row_number() OVER (PARTITION BY province_code, year, month, basis, dimension, code
                                 ORDER BY precision_usd, release_year * 12 + release_month DESC, source_url) AS choice
    FROM published_detail WHERE period = 'month' AND basis IN ('activity', 'registered')
) candidates
WHERE choice = 1
  AND NOT EXISTS (
      SELECT 1 FROM detail loaded
      WHERE loaded.province_code = candidates.province_code AND loaded.year = candidates.year AND loaded.month = candidates.month
        AND loaded.basis = candidates.basis
        AND loaded.country_code = CASE WHEN candidates.dimension = 'country' THEN candidates.code ELSE 'ALL' END
        AND loaded.product_code = CASE WHEN candidates.dimension = 'chapter' THEN candidates.code ELSE 'ALL' END);
