environment          = "prod"
project_id           = "my-project"
region               = "us-central1"
sql_tier             = "db-custom-2-7680"
redis_tier           = "STANDARD_HA"
redis_memory_size_gb = 5
