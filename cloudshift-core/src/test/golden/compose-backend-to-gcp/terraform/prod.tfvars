environment                  = "prod"
project_id                   = "my-project"
region                       = "us-central1"
sql_tier                     = "db-custom-2-7680"
redis_tier                   = "STANDARD_HA"
redis_memory_size_gb         = 5
cloud_run_min_instance_count = 3
cloud_run_image              = "registry.example.com/orders/app:1.8.3"
cloud_run_limits = {
  cpu    = "1"
  memory = "1Gi"
}
cloud_run_worker_template_scaling_min_instance_count = 4
cloud_run_worker_template_containers_image           = "registry.example.com/orders/app:1.8.3"
cloud_run_worker_template_containers_resources_limits = {
  cpu    = "1"
  memory = "1Gi"
}
app_environment = {
  DJANGO_SETTINGS_MODULE = "orders.settings.prod"
  GUNICORN_WORKERS       = "4"
}
