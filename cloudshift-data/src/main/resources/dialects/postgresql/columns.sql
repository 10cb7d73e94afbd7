-- Exact declared types (format_type keeps typmods: numeric(12,2), timestamp(3) with time zone, text[]),
-- defaults as expressions, and identity or serial (a nextval default) as auto-increment.
SELECT a.attname AS column_name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS declared_type,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS column_default,
       (a.attidentity IN ('a', 'd')
        OR COALESCE(pg_catalog.pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%') AS auto_increment,
       a.attidentity AS identity_kind
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = current_schema()
  AND c.relname = ?
  AND a.attnum > 0
  AND NOT a.attisdropped
ORDER BY a.attnum
