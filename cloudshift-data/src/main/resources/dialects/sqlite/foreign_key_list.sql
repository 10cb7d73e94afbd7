-- "to" is NULL when the foreign key references the parent's primary key implicitly.
SELECT id, seq, "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq
