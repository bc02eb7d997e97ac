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
INSERT INTO published_figures
SELECT s.release_year::INTEGER, s.release_month::INTEGER, s.period, s.year::INTEGER, s.month::INTEGER, s.basis,
       a.province_code, s.metric, s.rank::INTEGER, s.value::DECIMAL(18, 2), s.unit, s.precision::DECIMAL(18, 2),
       false, NULL, s.source_url, s.note
FROM _seed_published s
LEFT JOIN province_aliases a ON a.alias_key = name_key(s.province);

-- A previous year's value from a release that states this year's value and the increase.
INSERT INTO published_figures
SELECT e.release_year, e.release_month, e.period, e.year - 1, e.month, e.basis, e.province_code, 'exports', NULL,
       e.value - i.value, 'usd', e.precision + i.precision, true,
       format('{} (stated) minus the stated increase {}', e.value::BIGINT, i.value::BIGINT),
       i.source_url, coalesce(e.note, i.note)
FROM published_figures e
JOIN published_figures i USING (release_year, release_month, period, year, month, basis, province_code)
WHERE e.metric = 'exports' AND i.metric = 'increase' AND NOT e.derived AND NOT i.derived
  AND e.year = e.release_year;

-- A previous year's value from a stated value and its percent change: coarser, since the percent
-- is printed to one decimal; its precision carries both roundings.
INSERT INTO published_figures
SELECT e.release_year, e.release_month, e.period, e.year - 1, e.month, e.basis, e.province_code, 'exports', NULL,
       round(e.value / (1 + c.value / 100), 0)::DECIMAL(18, 2), 'usd',
       round(e.precision / (1 + c.value / 100) + e.value * c.precision / 100 / pow(1 + c.value / 100, 2), 0)::DECIMAL(18, 2),
       true, format('{} (stated) divided by 1 + {} %', e.value::BIGINT, c.value::DOUBLE),
       c.source_url, coalesce(e.note, c.note)
FROM published_figures e
JOIN published_figures c USING (release_year, release_month, period, year, month, basis, province_code, source_url)
WHERE e.metric = 'exports' AND c.metric = 'change_pct' AND NOT e.derived AND NOT c.derived
  AND e.year = e.release_year AND c.value > -100;

-- DECISIONS.md 1: a stated value beats a derived one; among stated values the later release wins,
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
