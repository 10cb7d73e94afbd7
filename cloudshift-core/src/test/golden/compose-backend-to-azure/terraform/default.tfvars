environment       = "default"
location          = "eastus"
postgres_sku_name = "B_Standard_B1ms"
redis_sku_name    = "Basic"
redis_family      = "C"
redis_capacity    = 0
