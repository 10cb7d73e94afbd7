environment = "dev"

lambda_memory_mb = {
  api        = 128
  background = 256
}
lambda_reserved_concurrency = -1

api_throttle_rate_limit  = 200
api_throttle_burst_limit = 100

db_min_acu               = 0.5
db_max_acu               = 2
db_instance_count        = 1
db_backup_retention_days = 1
db_master_password       = "dev-fake-aurora-pass-5d1e0c"
youtube_api_key          = "AIzaFAKE-dev-0000000000000000000000000"

log_retention_days = 3
enable_cdn         = false

feature_flags = {
  new-upload-flow       = true
  enhanced-analytics    = true
  experimental-features = true
}
