-- Whether the table was declared with AUTOINCREMENT (it then has a row in sqlite_sequence once used).
SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?
