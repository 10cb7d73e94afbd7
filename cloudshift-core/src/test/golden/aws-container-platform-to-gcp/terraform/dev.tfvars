environment            = "dev"
project_id             = "my-project"
region                 = "us-east4"
logging_retention_days = 7
subnetworks_private = {
  "0" = {
    name          = "dataaggregator-dev-private-1"
    ip_cidr_range = "10.0.3.0/24"
  }
  "1" = {
    name          = "dataaggregator-dev-private-2"
    ip_cidr_range = "10.0.4.0/24"
  }
}
sql_deletion_protection = false
sql_tier                = "db-custom-1-3840"
sql_availability_type   = "ZONAL"
sql_disk_size           = 20
sql_retained_backups    = 7
registry = {
  backend = {
    repository_id           = "backend"
    description             = "Container images of dataaggregator/backend (was an ECR repository)"
    registry_immutable_tags = false
  }
  frontend = {
    repository_id           = "frontend"
    description             = "Container images of dataaggregator/frontend (was an ECR repository)"
    registry_immutable_tags = false
  }
  worker = {
    repository_id           = "worker"
    description             = "Container images of dataaggregator/worker (was an ECR repository)"
    registry_immutable_tags = false
  }
}
redis_tier                                 = "BASIC"
redis_memory_size_gb                       = 1
service_accounts_task_execution_account_id = "dataaggregator-dev-task-execut"
subnetworks_public = {
  "0" = {
    name          = "dataaggregator-dev-public-1"
    ip_cidr_range = "10.0.1.0/24"
  }
  "1" = {
    name          = "dataaggregator-dev-public-2"
    ip_cidr_range = "10.0.2.0/24"
  }
}
kafka_vcpu_count   = 4
kafka_memory_bytes = 17179869184
backend_services = {
  backend = {
    neg_name    = "dataaggregator-dev-backend-neg"
    neg_service = "backend"
  }
  frontend = {
    neg_name    = "dataaggregator-dev-frontend-neg"
    neg_service = "frontend"
  }
}
cloud_run = {
  backend = {
    name                         = "backend"
    cloud_run_min_instance_count = 1
    cloud_run_max_instance_count = 4
    container_port               = 8000
    cloud_run_limits = {
      cpu    = "1"
      memory = "1Gi"
    }
    liveness_probe_path = "/health"
  }
  frontend = {
    name                         = "frontend"
    cloud_run_min_instance_count = 1
    cloud_run_max_instance_count = 4
    container_port               = 3000
    cloud_run_limits = {
      cpu    = "1"
      memory = "512Mi"
    }
    liveness_probe_path = "/"
  }
}
image_tag = "latest"
