environment                      = "prod"
region                           = "eu-west-3"
vpc_cidr_block                   = "10.60.0.0/20"
redis_node_type                  = "cache.m5.large"
redis_num_cache_clusters         = 2
redis_automatic_failover_enabled = true
rds_instance_class               = "db.m5.xlarge"
rds_allocated_storage            = 200
rds_multi_az                     = true
rds_backup_retention_period      = 30
rds_deletion_protection          = true
buckets_versioning_status        = "Enabled"
api_cpu                          = "2048"
api_memory                       = "4096"
api_desired_count                = 2
api_min_capacity                 = 2
api_max_capacity                 = 50
subnets_cidr_block               = "10.60.0.0/20"
topics_events = {
  "price-changed" = {
    name = "catalog-prod-price-changed"
  }
  "product-updated" = {
    name = "catalog-prod-product-updated"
  }
}
queues_indexer = {
  "price-changed"   = {}
  "product-updated" = {}
}
