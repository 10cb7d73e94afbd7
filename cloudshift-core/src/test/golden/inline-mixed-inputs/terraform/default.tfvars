environment                      = "default"
location                         = "eastus"
log_retention_days               = 30
storage_uploads_replication_type = "LRS"
servicebus_sku                   = "Standard"
servicebus_work = {
  emails = {
    name = "shop-emails"
  }
  orders = {
    name = "shop-orders"
  }
}
mysql_sku_name              = "B_Standard_B1ms"
container_apps_min_replicas = 1
container_apps_image        = "REPLACE-with-the-image-built-from-the-compose-build-context"
container_apps_cpu          = 0.5
container_apps_memory       = "1Gi"
