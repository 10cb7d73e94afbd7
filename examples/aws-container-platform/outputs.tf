output "alb_dns_name" {
  description = "Public DNS name of the load balancer."
  value       = aws_lb.main.dns_name
}

output "db_endpoint" {
  description = "PostgreSQL endpoint (host:port)."
  value       = aws_db_instance.main.endpoint
}

output "redis_primary_endpoint" {
  description = "Redis primary endpoint."
  value       = aws_elasticache_replication_group.redis.primary_endpoint_address
}

output "kafka_bootstrap_brokers_tls" {
  description = "MSK bootstrap brokers (TLS)."
  value       = aws_msk_cluster.main.bootstrap_brokers_tls
}

output "ecr_repository_urls" {
  description = "ECR repository URL per image."
  value       = { for name, repo in aws_ecr_repository.app : name => repo.repository_url }
}
