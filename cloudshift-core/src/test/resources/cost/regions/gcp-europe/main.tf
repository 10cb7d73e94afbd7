variable "region" {
  type = string
}

provider "google" {
  project = "shop-example"
  region  = var.region
}

resource "google_cloud_run_v2_service" "api" {
  name     = "api"
  location = var.region

  template {
    containers {
      image = "europe-docker.pkg.dev/shop-example/images/api:1.4.2"
      resources {
        limits = {
          cpu    = "1"
          memory = "512Mi"
        }
      }
    }
    scaling {
      min_instance_count = 1
      max_instance_count = 4
    }
  }
}

resource "google_pubsub_topic" "orders" {
  name = "orders"
}
