environment        = "staging"
location           = "eastus"
log_retention_days = 30
vnet_address_space = ["10.20.0.0/16"]
subnets_private = {
  "0" = {
    name             = "distronation-staging-private-0"
    address_prefixes = ["10.20.0.0/20"]
  }
  "1" = {
    name             = "distronation-staging-private-1"
    address_prefixes = ["10.20.16.0/20"]
  }
}
aurora_postgres_address_prefixes   = ["10.20.32.0/24"]
postgres_storage_mb                = 32768
postgres_backup_retention_days     = 7
storage_artifacts_name             = "distronationstaginglambd"
storage_artifacts_replication_type = "LRS"
storage_content_name               = "distronationstagingconte"
storage_content_replication_type   = "LRS"
storage_content_versioning_enabled = true
servicebus_sku                     = "Standard"
function_plan_sku                  = "Y1"
function_apps = {
  artists = {
    name = "distronation-staging-artists"
  }
  ingest_worker = {
    name = "distronation-staging-ingest_worker"
  }
  payouts = {
    name = "distronation-staging-payouts"
  }
  videos = {
    name = "distronation-staging-videos"
  }
}
storage_web_replication_type         = "LRS"
key_vault_soft_delete_retention_days = 7
key_vault_feature = {
  "beta-api-endpoints" = {
    name  = "staging-distronation-features-beta-api-endpoints"
    value = "true"
  }
  "enhanced-analytics" = {
    name  = "staging-distronation-features-enhanced-analytics"
    value = "true"
  }
  "new-upload-flow" = {
    name  = "staging-distronation-features-new-upload-flow"
    value = "true"
  }
}
