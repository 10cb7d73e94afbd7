-- cid, name, type (as declared, possibly empty), notnull, dflt_value, pk (1-based position in the key).
SELECT cid, name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid
