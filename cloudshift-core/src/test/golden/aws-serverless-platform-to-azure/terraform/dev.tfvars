environment        = "dev"
location           = "eastus"
log_retention_days = 30
vnet_address_space = ["10.20.0.0/16"]
subnets_private = {
  "0" = {
    name             = "distronation-dev-private-0"
    address_prefixes = ["10.20.0.0/20"]
  }
  "1" = {
    name             = "distronation-dev-private-1"
    address_prefixes = ["10.20.16.0/20"]
  }
}
aurora_postgres_address_prefixes   = ["10.20.32.0/24"]
postgres_storage_mb                = 32768
postgres_backup_retention_days     = 7
storage_artifacts_name             = "distronationdevlambdaart"
storage_artifacts_replication_type = "LRS"
storage_content_name               = "distronationdevcontent"
storage_content_replication_type   = "LRS"
storage_content_versioning_enabled = false
servicebus_sku                     = "Standard"
function_plan_sku                  = "Y1"
function_apps = {
  artists = {
    name = "distronation-dev-artists"
  }
  ingest_worker = {
    name = "distronation-dev-ingest_worker"
  }
  payouts = {
    name = "distronation-dev-payouts"
  }
  videos = {
    name = "distronation-dev-videos"
  }
}
storage_web_replication_type         = "LRS"
key_vault_soft_delete_retention_days = 7
key_vault_feature = {
  "enhanced-analytics" = {
    name  = "dev-distronation-features-enhanced-analytics"
    value = "true"
  }
  "experimental-features" = {
    name  = "dev-distronation-features-experimental-features"
    value = "true"
  }
  "new-upload-flow" = {
    name  = "dev-distronation-features-new-upload-flow"
    value = "true"
  }
}
