environment                  = "default"
project_id                   = "my-project"
region                       = "us-central1"
sql_tier                     = "db-custom-1-3840"
redis_tier                   = "BASIC"
redis_memory_size_gb         = 1
cloud_run_min_instance_count = 1
cloud_run_image              = "registry.example.com/orders/app:dev"
cloud_run_limits = {
  cpu    = "1"
  memory = "512Mi"
}
cloud_run_worker_template_scaling_min_instance_count = 1
cloud_run_worker_template_containers_image           = "REPLACE-with-the-image-built-from-the-compose-build-context"
cloud_run_worker_template_containers_resources_limits = {
  cpu    = "1"
  memory = "512Mi"
}
app_environment = {
  DJANGO_SETTINGS_MODULE = "orders.settings.dev"
}
