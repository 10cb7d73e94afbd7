environment = "dev"

az_count           = 2
single_nat_gateway = true

db_instance_class        = "db.t3.micro"
db_allocated_storage     = 20
db_multi_az              = false
db_backup_retention_days = 7
db_password              = "dev-Not-A-Real-Pass-7f3a9c"

redis_node_type = "cache.t3.micro"
redis_replicas  = 1

kafka_instance_type = "kafka.t3.small"
kafka_broker_count  = 2
kafka_volume_size   = 20

log_retention_days = 7
