environment = "prod"

lambda_memory_mb = {
  api        = 512
  background = 1024
}
lambda_reserved_concurrency = 100

api_throttle_rate_limit  = 10000
api_throttle_burst_limit = 5000

db_min_acu               = 2
db_max_acu               = 16
db_instance_count        = 2
db_backup_retention_days = 30
db_master_password       = "prod-fake-aurora-pass-c3a9e4d1"
youtube_api_key          = "AIzaFAKE-prod-22222222222222222222222"

log_retention_days = 30
enable_cdn         = true

feature_flags = {
  new-upload-flow    = false
  enhanced-analytics = true
  beta-api-endpoints = false
}
