environment        = "prod"
location           = "eastus"
log_retention_days = 30
vnet_address_space = ["10.20.0.0/16"]
subnets_private = {
  "0" = {
    name             = "distronation-prod-private-0"
    address_prefixes = ["10.20.0.0/20"]
  }
  "1" = {
    name             = "distronation-prod-private-1"
    address_prefixes = ["10.20.16.0/20"]
  }
}
aurora_postgres_address_prefixes = ["10.20.32.0/24"]
