environment          = "default"
region               = "us-east-1"
rds_instance_class   = "db.t3.micro"
vpc_cidr_block       = "10.0.0.0/16"
redis_node_type      = "cache.t3.micro"
app_cpu              = "512"
app_memory           = "1024"
app_image            = "registry.example.com/orders/app:dev"
app_desired_count    = 1
worker_cpu           = "512"
worker_memory        = "1024"
worker_image         = "REPLACE-with-the-image-built-from-the-compose-build-context"
worker_desired_count = 1
app_environment = {
  DJANGO_SETTINGS_MODULE = "orders.settings.dev"
}
