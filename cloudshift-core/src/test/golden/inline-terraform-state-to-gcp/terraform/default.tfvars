environment = "default"
project_id  = "my-project"
region      = "europe-west3"
buckets_exports = {
  daily = {
    name = "reports-exports-daily"
  }
  monthly = {
    name = "reports-exports-monthly"
  }
}
functions_available_memory = "512M"
