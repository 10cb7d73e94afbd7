environment = "dev"

postgres_sku            = "B_Standard_B1ms"
postgres_storage_mb     = 32768
postgres_ha             = false
postgres_admin_password = "dev-fake-azure-pg-6a5b4c"

redis_sku = {
  name     = "Basic"
  family   = "C"
  capacity = 0
}

api_cpu          = 0.5
api_memory       = "1Gi"
api_min_replicas = 1
api_max_replicas = 3
