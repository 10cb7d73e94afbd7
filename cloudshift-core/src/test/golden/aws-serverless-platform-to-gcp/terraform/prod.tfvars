environment            = "prod"
project_id             = "my-project"
region                 = "us-east4"
logging_retention_days = 30
subnetworks_private = {
  "0" = {
    name          = "distronation-prod-private-0"
    ip_cidr_range = "10.20.0.0/20"
  }
  "1" = {
    name          = "distronation-prod-private-1"
    ip_cidr_range = "10.20.16.0/20"
  }
}
sql_deletion_protection            = true
sql_tier                           = "db-custom-8-32768"
sql_availability_type              = "REGIONAL"
sql_retained_backups               = 30
buckets_content_versioning_enabled = true
functions = {
  artists = {
    name                       = "distronation-prod-artists"
    entry_point                = "handler"
    object                     = "lambda/artists.zip"
    functions_available_memory = "512M"
    timeout_seconds            = 30
  }
  ingest_worker = {
    name                       = "distronation-prod-ingest-worker"
    entry_point                = "worker"
    object                     = "lambda/ingest_worker.zip"
    functions_available_memory = "1024M"
    timeout_seconds            = 900
  }
  payouts = {
    name                       = "distronation-prod-payouts"
    entry_point                = "handler"
    object                     = "lambda/payouts.zip"
    functions_available_memory = "512M"
    timeout_seconds            = 30
  }
  videos = {
    name                       = "distronation-prod-videos"
    entry_point                = "handler"
    object                     = "lambda/videos.zip"
    functions_available_memory = "512M"
    timeout_seconds            = 30
  }
}
dns_records_api_name = "api.distronation.example.com."
parameters_feature = {
  "beta-api-endpoints" = {
    secret_id = "prod-distronation-features-beta-api-endpoints"
  }
  "enhanced-analytics" = {
    secret_id = "prod-distronation-features-enhanced-analytics"
  }
  "new-upload-flow" = {
    secret_id = "prod-distronation-features-new-upload-flow"
  }
}
cdn_cdn_domains = ["www.distronation.example.com"]
dns_records_web = {
  "0" = {
    name = "www.distronation.example.com."
  }
}
