environment          = "default"
project_id           = "my-project"
region               = "us-central1"
sql_tier             = "db-custom-1-3840"
redis_tier           = "BASIC"
redis_memory_size_gb = 1
