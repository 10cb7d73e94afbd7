environment        = "prod"
location           = "eastus"
log_retention_days = 30
vnet_address_space = ["10.20.0.0/16"]
subnets_private = {
  "0" = {
    name             = "distronation-prod-private-0"
    address_prefixes = ["10.20.0.0/20"]
  }
  "1" = {
    name             = "distronation-prod-private-1"
    address_prefixes = ["10.20.16.0/20"]
  }
}
aurora_postgres_address_prefixes   = ["10.20.32.0/24"]
postgres_storage_mb                = 32768
postgres_backup_retention_days     = 30
storage_artifacts_name             = "distronationprodlambdaar"
storage_artifacts_replication_type = "LRS"
storage_content_name               = "distronationprodcontent"
storage_content_replication_type   = "LRS"
storage_content_versioning_enabled = true
servicebus_sku                     = "Standard"
function_plan_sku                  = "Y1"
function_apps = {
  artists = {
    name = "distronation-prod-artists"
  }
  ingest_worker = {
    name = "distronation-prod-ingest_worker"
  }
  payouts = {
    name = "distronation-prod-payouts"
  }
  videos = {
    name = "distronation-prod-videos"
  }
}
storage_web_replication_type         = "LRS"
key_vault_soft_delete_retention_days = 7
key_vault_feature = {
  "beta-api-endpoints" = {
    name  = "prod-distronation-features-beta-api-endpoints"
    value = "false"
  }
  "enhanced-analytics" = {
    name  = "prod-distronation-features-enhanced-analytics"
    value = "true"
  }
  "new-upload-flow" = {
    name  = "prod-distronation-features-new-upload-flow"
    value = "false"
  }
}
