environment        = "prod"
region             = "us-east-1"
rds_instance_class = "db.m5.large"
redis_node_type    = "cache.m5.large"
