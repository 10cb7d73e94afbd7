-- Base tables of the current schema.
SELECT table_name
FROM information_schema.tables
WHERE table_schema = CURRENT_SCHEMA
  AND table_type = 'BASE TABLE'
ORDER BY table_name
