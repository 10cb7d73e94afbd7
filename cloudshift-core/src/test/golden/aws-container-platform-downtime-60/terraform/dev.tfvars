environment                     = "dev"
location                        = "eastus"
container_apps_address_prefixes = ["10.0.6.0/23"]
vnet_address_space              = ["10.0.0.0/16"]
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
main_postgres_address_prefixes     = ["10.0.0.0/24"]
postgres_sku_name                  = "B_Standard_B1ms"
postgres_storage_mb                = 32768
postgres_backup_retention_days     = 7
postgres_high_availability_enabled = false
container_registry_sku             = "Standard"
redis_sku_name                     = "Basic"
redis_family                       = "C"
redis_capacity                     = 0
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
main_gateway_subnet_address_prefixes = ["10.0.5.0/24"]
app_gateway_min_capacity             = 1
app_gateway_max_capacity             = 10
eventhub_sku                         = "Standard"
eventhub_capacity                    = 2
key_vault_soft_delete_retention_days = 7
container_apps = {
  backend = {
    name                    = "backend"
    min_replicas            = 1
    max_replicas            = 4
    template_container_name = "backend"
    cpu                     = 0.5
    memory                  = "1Gi"
    port                    = 8000
    path                    = "/health"
    target_port             = 8000
    image_repository        = "dataaggregator/backend"
  }
  frontend = {
    name                    = "frontend"
    min_replicas            = 1
    max_replicas            = 4
    template_container_name = "frontend"
    cpu                     = 0.25
    memory                  = "0.5Gi"
    port                    = 3000
    path                    = "/"
    target_port             = 3000
    image_repository        = "dataaggregator/frontend"
  }
}
public_ips_nat = {
  "0" = {
    name = "dataaggregator-dev-nat-1"
  }
}
nat_gateways = {
  "0" = {}
}
nat_associations_private = {
  "0" = {
    nat_gateway_key = "0"
  }
  "1" = {
    nat_gateway_key = "0"
  }
}
image_tag = "latest"
