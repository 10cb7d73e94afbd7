-- User tables (sqlite_sequence, sqlite_stat1 and other internal tables excluded).
SELECT name
FROM sqlite_master
WHERE type = 'table'
  AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY name
