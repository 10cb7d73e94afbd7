environment        = "dev"
location           = "eastus"
vnet_address_space = ["10.0.0.0/16"]
subnets_private = {
  "0" = {
    name             = "dataaggregator-dev-private-1"
    address_prefixes = ["10.0.3.0/24"]
  }
  "1" = {
    name             = "dataaggregator-dev-private-2"
    address_prefixes = ["10.0.4.0/24"]
  }
}
postgres_sku_name                  = "B_Standard_B1ms"
postgres_storage_mb                = 32768
postgres_backup_retention_days     = 7
postgres_high_availability_enabled = false
subnets_public = {
  "0" = {
    name             = "dataaggregator-dev-public-1"
    address_prefixes = ["10.0.1.0/24"]
  }
  "1" = {
    name             = "dataaggregator-dev-public-2"
    address_prefixes = ["10.0.2.0/24"]
  }
}
