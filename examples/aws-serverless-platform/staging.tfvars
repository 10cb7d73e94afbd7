environment = "staging"

lambda_memory_mb = {
  api        = 256
  background = 512
}
lambda_reserved_concurrency = -1

api_throttle_rate_limit  = 2000
api_throttle_burst_limit = 1000

db_min_acu               = 0.5
db_max_acu               = 4
db_instance_count        = 1
db_backup_retention_days = 7
db_master_password       = "staging-fake-aurora-pass-8b2f71"
youtube_api_key          = "AIzaFAKE-staging-11111111111111111111"

log_retention_days = 7
enable_cdn         = true

feature_flags = {
  new-upload-flow    = true
  enhanced-analytics = true
  beta-api-endpoints = true
}
