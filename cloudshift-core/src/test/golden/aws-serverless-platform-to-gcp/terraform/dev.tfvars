environment            = "dev"
project_id             = "my-project"
region                 = "us-east4"
logging_retention_days = 3
subnetworks_private = {
  "0" = {
    name          = "distronation-dev-private-0"
    ip_cidr_range = "10.20.0.0/20"
  }
  "1" = {
    name          = "distronation-dev-private-1"
    ip_cidr_range = "10.20.16.0/20"
  }
}
sql_deletion_protection            = false
sql_tier                           = "db-custom-1-3840"
sql_availability_type              = "REGIONAL"
sql_retained_backups               = 1
buckets_content_versioning_enabled = false
functions = {
  artists = {
    name                       = "distronation-dev-artists"
    entry_point                = "handler"
    object                     = "lambda/artists.zip"
    functions_available_memory = "128M"
    timeout_seconds            = 30
  }
  ingest_worker = {
    name                       = "distronation-dev-ingest-worker"
    entry_point                = "worker"
    object                     = "lambda/ingest_worker.zip"
    functions_available_memory = "256M"
    timeout_seconds            = 900
  }
  payouts = {
    name                       = "distronation-dev-payouts"
    entry_point                = "handler"
    object                     = "lambda/payouts.zip"
    functions_available_memory = "128M"
    timeout_seconds            = 30
  }
  videos = {
    name                       = "distronation-dev-videos"
    entry_point                = "handler"
    object                     = "lambda/videos.zip"
    functions_available_memory = "128M"
    timeout_seconds            = 30
  }
}
dns_records_api_name = "api.dev.distronation.example.com."
parameters_feature = {
  "enhanced-analytics" = {
    secret_id = "dev-distronation-features-enhanced-analytics"
  }
  "experimental-features" = {
    secret_id = "dev-distronation-features-experimental-features"
  }
  "new-upload-flow" = {
    secret_id = "dev-distronation-features-new-upload-flow"
  }
}
dns_records_web = {}
