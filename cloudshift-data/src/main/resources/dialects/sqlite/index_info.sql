SELECT name FROM pragma_index_info(?) ORDER BY seqno
