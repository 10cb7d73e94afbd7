-- Indexes H2 made by itself for a foreign key constraint; the target creates its own.
SELECT index_name
FROM information_schema.table_constraints
WHERE table_schema = CURRENT_SCHEMA
  AND table_name = ?
  AND constraint_type = 'FOREIGN KEY'
  AND index_name IS NOT NULL
