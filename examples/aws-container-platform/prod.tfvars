environment = "prod"

az_count           = 3
single_nat_gateway = false

db_instance_class        = "db.m5.large"
db_allocated_storage     = 100
db_multi_az              = true
db_backup_retention_days = 35
db_password              = "prod-FAKE-do-not-use-91c2e0b7d4"

redis_node_type = "cache.m5.large"
redis_replicas  = 3

kafka_instance_type = "kafka.m5.large"
kafka_broker_count  = 3
kafka_volume_size   = 100

services = {
  backend = {
    cpu           = 1024
    memory        = 2048
    port          = 8000
    desired_count = 3
    min_count     = 2
    max_count     = 10
  }
  frontend = {
    cpu           = 512
    memory        = 1024
    port          = 3000
    desired_count = 2
    min_count     = 2
    max_count     = 10
  }
}

image_tag          = "1.14.2"
log_retention_days = 90
certificate_arn    = "arn:aws:acm:us-east-1:123456789012:certificate/4f1c2d3e-0000-4a5b-9c8d-fakefakefake"
