-- The element type of an ARRAY column (columns.dtd_identifier = element_types.collection_type_identifier).
SELECT data_type, character_maximum_length, numeric_precision, numeric_scale, datetime_precision
FROM information_schema.element_types
WHERE object_schema = CURRENT_SCHEMA
  AND object_type = 'TABLE'
  AND object_name = ?
  AND collection_type_identifier = ?
