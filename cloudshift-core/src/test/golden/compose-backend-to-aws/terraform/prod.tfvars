environment          = "prod"
region               = "us-east-1"
rds_instance_class   = "db.m5.large"
vpc_cidr_block       = "10.0.0.0/16"
redis_node_type      = "cache.m5.large"
app_cpu              = "1024"
app_memory           = "2048"
app_image            = "registry.example.com/orders/app:1.8.3"
app_desired_count    = 3
worker_cpu           = "1024"
worker_memory        = "2048"
worker_image         = "registry.example.com/orders/app:1.8.3"
worker_desired_count = 4
app_environment = {
  DJANGO_SETTINGS_MODULE = "orders.settings.prod"
  GUNICORN_WORKERS       = "4"
}
