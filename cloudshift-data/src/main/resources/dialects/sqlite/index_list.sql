-- origin: c = CREATE INDEX, u = UNIQUE constraint, pk = PRIMARY KEY.
SELECT name, "unique", origin FROM pragma_index_list(?) ORDER BY seq
