environment = "default"
project_id  = "my-project"
region      = "us-central1"
buckets_exports = {
  daily = {
    name = "reports-exports-daily"
  }
  monthly = {
    name = "reports-exports-monthly"
  }
}
functions_available_memory = "512M"
