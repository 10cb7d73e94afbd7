environment                    = "prod"
location                       = "eastus"
log_retention_days             = 30
postgres_sku_name              = "MO_Standard_E2s_v3"
postgres_storage_mb            = 131072
postgres_backup_retention_days = 14
