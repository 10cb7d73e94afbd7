-- MariaDB stores JSON as longtext guarded by CHECK (json_valid(`column`)); those columns are JSON.
SELECT check_clause
FROM information_schema.check_constraints
WHERE constraint_schema = DATABASE()
  AND table_name = ?
  AND check_clause LIKE 'json_valid(%'
