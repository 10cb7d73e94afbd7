environment = "prod"

postgres_sku            = "GP_Standard_D2s_v3"
postgres_storage_mb     = 131072
postgres_ha             = true
postgres_admin_password = "prod-fake-azure-pg-9f8e7d"

redis_sku = {
  name     = "Standard"
  family   = "C"
  capacity = 2
}

api_cpu          = 1
api_memory       = "2Gi"
api_min_replicas = 2
api_max_replicas = 10
