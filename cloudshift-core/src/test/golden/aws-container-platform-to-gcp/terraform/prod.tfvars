environment            = "prod"
project_id             = "my-project"
region                 = "us-east4"
logging_retention_days = 90
subnetworks_private = {
  "0" = {
    name          = "dataaggregator-prod-private-1"
    ip_cidr_range = "10.0.4.0/24"
  }
  "1" = {
    name          = "dataaggregator-prod-private-2"
    ip_cidr_range = "10.0.5.0/24"
  }
  "2" = {
    name          = "dataaggregator-prod-private-3"
    ip_cidr_range = "10.0.6.0/24"
  }
}
sql_deletion_protection = true
sql_tier                = "db-custom-2-8192"
sql_availability_type   = "REGIONAL"
sql_disk_size           = 100
sql_retained_backups    = 35
registry = {
  backend = {
    repository_id           = "backend"
    description             = "Container images of dataaggregator/backend (was an ECR repository)"
    registry_immutable_tags = true
  }
  frontend = {
    repository_id           = "frontend"
    description             = "Container images of dataaggregator/frontend (was an ECR repository)"
    registry_immutable_tags = true
  }
  worker = {
    repository_id           = "worker"
    description             = "Container images of dataaggregator/worker (was an ECR repository)"
    registry_immutable_tags = true
  }
}
redis_tier                                 = "STANDARD_HA"
redis_memory_size_gb                       = 8
service_accounts_task_execution_account_id = "dataaggregator-prod-task-execu"
subnetworks_public = {
  "0" = {
    name          = "dataaggregator-prod-public-1"
    ip_cidr_range = "10.0.1.0/24"
  }
  "1" = {
    name          = "dataaggregator-prod-public-2"
    ip_cidr_range = "10.0.2.0/24"
  }
  "2" = {
    name          = "dataaggregator-prod-public-3"
    ip_cidr_range = "10.0.3.0/24"
  }
}
kafka_vcpu_count   = 6
kafka_memory_bytes = 25769803776
backend_services = {
  backend = {
    neg_name    = "dataaggregator-prod-backend-neg"
    neg_service = "backend"
  }
  frontend = {
    neg_name    = "dataaggregator-prod-frontend-neg"
    neg_service = "frontend"
  }
}
cloud_run = {
  backend = {
    name                         = "backend"
    cloud_run_min_instance_count = 2
    cloud_run_max_instance_count = 10
    container_port               = 8000
    cloud_run_limits = {
      cpu    = "1"
      memory = "2Gi"
    }
    liveness_probe_path = "/health"
  }
  frontend = {
    name                         = "frontend"
    cloud_run_min_instance_count = 2
    cloud_run_max_instance_count = 10
    container_port               = 3000
    cloud_run_limits = {
      cpu    = "1"
      memory = "1Gi"
    }
    liveness_probe_path = "/"
  }
}
image_tag = "1.14.2"
