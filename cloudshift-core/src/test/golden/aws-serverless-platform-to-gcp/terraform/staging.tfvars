environment            = "staging"
project_id             = "my-project"
region                 = "us-east4"
logging_retention_days = 7
subnetworks_private = {
  "0" = {
    name          = "distronation-staging-private-0"
    ip_cidr_range = "10.20.0.0/20"
  }
  "1" = {
    name          = "distronation-staging-private-1"
    ip_cidr_range = "10.20.16.0/20"
  }
}
sql_deletion_protection            = false
sql_tier                           = "db-custom-2-8192"
sql_availability_type              = "REGIONAL"
sql_retained_backups               = 7
buckets_content_versioning_enabled = true
functions = {
  artists = {
    name                       = "distronation-staging-artists"
    entry_point                = "handler"
    object                     = "lambda/artists.zip"
    functions_available_memory = "256M"
    timeout_seconds            = 30
  }
  ingest_worker = {
    name                       = "distronation-staging-ingest-worker"
    entry_point                = "worker"
    object                     = "lambda/ingest_worker.zip"
    functions_available_memory = "512M"
    timeout_seconds            = 900
  }
  payouts = {
    name                       = "distronation-staging-payouts"
    entry_point                = "handler"
    object                     = "lambda/payouts.zip"
    functions_available_memory = "256M"
    timeout_seconds            = 30
  }
  videos = {
    name                       = "distronation-staging-videos"
    entry_point                = "handler"
    object                     = "lambda/videos.zip"
    functions_available_memory = "256M"
    timeout_seconds            = 30
  }
}
dns_records_api_name = "api.staging.distronation.example.com."
parameters_feature = {
  "beta-api-endpoints" = {
    secret_id = "staging-distronation-features-beta-api-endpoints"
  }
  "enhanced-analytics" = {
    secret_id = "staging-distronation-features-enhanced-analytics"
  }
  "new-upload-flow" = {
    secret_id = "staging-distronation-features-new-upload-flow"
  }
}
cdn_cdn_domains = ["staging.distronation.example.com"]
dns_records_web = {
  "0" = {
    name = "staging.distronation.example.com."
  }
}
