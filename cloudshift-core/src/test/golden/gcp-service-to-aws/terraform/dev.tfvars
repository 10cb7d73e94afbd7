environment                      = "dev"
region                           = "eu-west-3"
vpc_cidr_block                   = "10.60.0.0/20"
redis_node_type                  = "cache.t3.small"
redis_num_cache_clusters         = 1
redis_automatic_failover_enabled = false
rds_instance_class               = "db.m5.large"
rds_allocated_storage            = 20
rds_multi_az                     = false
rds_backup_retention_period      = 7
rds_deletion_protection          = false
buckets_versioning_status        = "Suspended"
api_cpu                          = "1024"
api_memory                       = "2048"
api_desired_count                = 1
api_min_capacity                 = 1
api_max_capacity                 = 5
subnets_cidr_block               = "10.60.0.0/20"
topics_events = {
  "price-changed" = {
    name = "catalog-dev-price-changed"
  }
  "product-updated" = {
    name = "catalog-dev-product-updated"
  }
}
queues_indexer = {
  "price-changed"   = {}
  "product-updated" = {}
}
