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
