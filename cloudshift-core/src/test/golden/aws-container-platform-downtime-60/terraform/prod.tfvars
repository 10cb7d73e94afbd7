environment                     = "prod"
location                        = "eastus"
container_apps_address_prefixes = ["10.0.8.0/23"]
vnet_address_space              = ["10.0.0.0/16"]
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
main_postgres_address_prefixes     = ["10.0.0.0/24"]
postgres_sku_name                  = "GP_Standard_D2s_v3"
postgres_storage_mb                = 131072
postgres_backup_retention_days     = 35
postgres_high_availability_enabled = true
container_registry_sku             = "Standard"
redis_sku_name                     = "Premium"
redis_family                       = "P"
redis_capacity                     = 1
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
main_gateway_subnet_address_prefixes = ["10.0.7.0/24"]
app_gateway_min_capacity             = 1
app_gateway_max_capacity             = 10
eventhub_sku                         = "Standard"
eventhub_capacity                    = 3
key_vault_soft_delete_retention_days = 30
container_apps = {
  backend = {
    name                    = "backend"
    min_replicas            = 2
    max_replicas            = 10
    template_container_name = "backend"
    cpu                     = 1
    memory                  = "2Gi"
    port                    = 8000
    path                    = "/health"
    target_port             = 8000
    image_repository        = "dataaggregator/backend"
  }
  frontend = {
    name                    = "frontend"
    min_replicas            = 2
    max_replicas            = 10
    template_container_name = "frontend"
    cpu                     = 0.5
    memory                  = "1Gi"
    port                    = 3000
    path                    = "/"
    target_port             = 3000
    image_repository        = "dataaggregator/frontend"
  }
}
public_ips_nat = {
  "0" = {
    name = "dataaggregator-prod-nat-1"
  }
  "1" = {
    name = "dataaggregator-prod-nat-2"
  }
  "2" = {
    name = "dataaggregator-prod-nat-3"
  }
}
nat_gateways = {
  "0" = {}
  "1" = {}
  "2" = {}
}
nat_associations_private = {
  "0" = {
    nat_gateway_key = "0"
  }
  "1" = {
    nat_gateway_key = "1"
  }
  "2" = {
    nat_gateway_key = "2"
  }
}
image_tag = "1.14.2"
