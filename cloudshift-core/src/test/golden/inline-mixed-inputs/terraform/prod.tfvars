environment                      = "prod"
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
mysql_sku_name              = "MO_Standard_E2s_v3"
mysql_backup_retention_days = 14
mysql_storage_gb            = 100
