environment       = "prod"
location          = "eastus"
postgres_sku_name = "GP_Standard_D2s_v3"
redis_sku_name    = "Standard"
redis_family      = "C"
redis_capacity    = 1
