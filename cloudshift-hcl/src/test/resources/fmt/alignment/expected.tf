resource "azurerm_postgresql_flexible_server" "main" {
  name                = "dataaggregator-db"
  resource_group_name = azurerm_resource_group.main.name
  location            = var.location
  version             = "15"

  sku_name   = var.postgres_sku_name
  storage_mb = 32768
  tags       = {}
  zone       = null

  high_availability {
    mode = "ZoneRedundant"
  }

  backup_retention_days        = var.postgres_backup_retention_days
  geo_redundant_backup_enabled = false
}

variable "location" {
  type = string
}
