-- COLUMN_TYPE keeps what JDBC metadata loses: tinyint(1) unsigned, enum('a','b'), set(...), datetime(6).
-- MariaDB reports a NULL default as the text NULL and quotes literal defaults; MySQL 8 does neither and marks
-- expression defaults with DEFAULT_GENERATED in EXTRA. MySqlDialect normalises both.
SELECT column_name AS column_name,
       column_type AS declared_type,
       column_default AS column_default,
       (extra LIKE '%auto_increment%') AS auto_increment,
       data_type AS data_type,
       extra AS extra
FROM information_schema.columns
WHERE table_schema = DATABASE()
  AND table_name = ?
ORDER BY ordinal_position
