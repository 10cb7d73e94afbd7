db_password = Pl4nted-Unquoted
api_key     = "Pl4nted-Broken
