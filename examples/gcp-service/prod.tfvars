environment = "prod"

sql_tier              = "db-custom-4-15360"
sql_disk_gb           = 200
sql_high_availability = true
db_password           = "prod-fake-cloudsql-pass-4d5e6f"

redis_tier      = "STANDARD_HA"
redis_memory_gb = 5

run_cpu           = "2"
run_memory        = "1Gi"
run_min_instances = 2
run_max_instances = 50
