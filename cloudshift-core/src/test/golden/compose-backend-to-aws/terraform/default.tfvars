environment        = "default"
region             = "us-east-1"
rds_instance_class = "db.t3.micro"
redis_node_type    = "cache.t3.micro"
