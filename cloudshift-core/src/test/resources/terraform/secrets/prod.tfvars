db_password = "Pl4nted-DbPassw0rd"
api_key     = "Pl4nted-ApiKey-123"
connection  = "Server=db;Password=Pl4nted-Conn"
db_settings = {
  user   = "app"
  secret = "Pl4nted-Nested"
}
