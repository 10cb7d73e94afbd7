environment = "dev"

sql_tier              = "db-custom-1-3840"
sql_disk_gb           = 20
sql_high_availability = false
db_password           = "dev-fake-cloudsql-pass-1a2b3c"

redis_tier      = "BASIC"
redis_memory_gb = 1

run_cpu           = "1"
run_memory        = "512Mi"
run_min_instances = 0
run_max_instances = 5
