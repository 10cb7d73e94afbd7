container_apps = {
  backend = {
    cpu    = 0.5
    memory = "1Gi"
    port   = 8000
    env = [
      { name = "ENVIRONMENT", value = "dev" },
      { name = "POSTGRES_PORT", value = "5432" },
    ]
    min_replicas = 1
  }
  frontend = {
    cpu          = 0.25
    memory       = "0.5Gi"
    port         = 3000
    paths        = ["/api/*", "/docs", "/openapi.json"]
    min_replicas = 1
  }
}
address_space = ["10.0.0.0/16"]
tags = {
  "cost-center" = "platform"
  Environment   = "dev"
}
empty_list = []
policy = jsonencode({
  Version = "2012-10-17"
  Statement = [
    {
      Effect = "Allow"
    },
  ]
})
zones = concat(["1", "2"], var.extra_zones)
