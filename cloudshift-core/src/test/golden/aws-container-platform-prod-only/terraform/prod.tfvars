environment        = "prod"
location           = "eastus"
vnet_address_space = ["10.0.0.0/16"]
subnets_private = {
  "0" = {
    name             = "dataaggregator-prod-private-1"
    address_prefixes = ["10.0.4.0/24"]
  }
  "1" = {
    name             = "dataaggregator-prod-private-2"
    address_prefixes = ["10.0.5.0/24"]
  }
  "2" = {
    name             = "dataaggregator-prod-private-3"
    address_prefixes = ["10.0.6.0/24"]
  }
}
postgres_sku_name              = "GP_Standard_D2s_v3"
postgres_storage_mb            = 131072
postgres_backup_retention_days = 35
subnets_public = {
  "0" = {
    name             = "dataaggregator-prod-public-1"
    address_prefixes = ["10.0.1.0/24"]
  }
  "1" = {
    name             = "dataaggregator-prod-public-2"
    address_prefixes = ["10.0.2.0/24"]
  }
  "2" = {
    name             = "dataaggregator-prod-public-3"
    address_prefixes = ["10.0.3.0/24"]
  }
}
