terraform {
  required_version = ">= 1.5.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 5.30"
    }
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}

locals {
  name = "catalog-${var.environment}"

  topics = {
    "product-updated" = { retention = "86400s" }
    "price-changed"   = { retention = "604800s" }
  }

  service_env = {
    DB_HOST        = google_sql_database_instance.main.private_ip_address
    DB_NAME        = google_sql_database.catalog.name
    DB_USER        = google_sql_user.app.name
    REDIS_HOST     = google_redis_instance.cache.host
    REDIS_PORT     = tostring(google_redis_instance.cache.port)
    MEDIA_BUCKET   = google_storage_bucket.media.name
    PUBSUB_PROJECT = var.project_id
  }
}

resource "google_compute_network" "main" {
  name                    = "${local.name}-vpc"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "main" {
  name                     = "${local.name}-subnet"
  network                  = google_compute_network.main.id
  region                   = var.region
  ip_cidr_range            = cidrsubnet(var.network_cidr, 4, 0)
  private_ip_google_access = true
}

resource "google_compute_global_address" "private_services" {
  name          = "${local.name}-private-services"
  purpose       = "VPC_PEERING"
  address_type  = "INTERNAL"
  prefix_length = 16
  network       = google_compute_network.main.id
}

resource "google_service_networking_connection" "private_services" {
  network                 = google_compute_network.main.id
  service                 = "servicenetworking.googleapis.com"
  reserved_peering_ranges = [google_compute_global_address.private_services.name]
}

resource "google_vpc_access_connector" "run" {
  name          = "${var.environment}-run-connector"
  region        = var.region
  network       = google_compute_network.main.name
  ip_cidr_range = cidrsubnet(var.network_cidr, 12, 4000)
  min_instances = 2
  max_instances = 3
}

resource "google_compute_firewall" "allow_internal" {
  name    = "${local.name}-allow-internal"
  network = google_compute_network.main.name

  allow {
    protocol = "tcp"
    ports    = ["5432", "6379"]
  }

  source_ranges = [var.network_cidr]
}
