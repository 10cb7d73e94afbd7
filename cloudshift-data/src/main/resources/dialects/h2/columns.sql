-- H2 2.x keeps the type name and its parameters in separate columns; H2Dialect puts them back together
-- (CHARACTER VARYING(255), NUMERIC(12, 2), TIMESTAMP(3) WITH TIME ZONE).
SELECT column_name AS column_name,
       data_type AS data_type,
       character_maximum_length AS character_maximum_length,
       numeric_precision AS numeric_precision,
       numeric_scale AS numeric_scale,
       datetime_precision AS datetime_precision,
       column_default AS column_default,
       is_identity AS is_identity,
       dtd_identifier AS dtd_identifier,
       interval_type AS interval_type
FROM information_schema.columns
WHERE table_schema = CURRENT_SCHEMA
  AND table_name = ?
ORDER BY ordinal_position
