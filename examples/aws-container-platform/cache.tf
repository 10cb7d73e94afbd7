resource "aws_elasticache_subnet_group" "main" {
  name       = "${local.name}-cache"
  subnet_ids = module.network.private_subnet_ids
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id = "${local.name}-redis"
  description          = "Session cache and Celery broker for ${local.name}"

  engine               = "redis"
  engine_version       = "6.2"
  node_type            = var.redis_node_type
  num_cache_clusters   = var.redis_replicas
  parameter_group_name = "default.redis6.x"
  port                 = 6379

  automatic_failover_enabled = var.redis_replicas > 1
  multi_az_enabled           = var.redis_replicas > 1
  at_rest_encryption_enabled = true
  transit_encryption_enabled = false

  subnet_group_name  = aws_elasticache_subnet_group.main.name
  security_group_ids = [aws_security_group.data.id]

  snapshot_retention_limit = local.is_prod ? 7 : 0
}
