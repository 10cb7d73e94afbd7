variable "project_id" {
  description = "GCP project ID."
  type        = string
  default     = "acme-catalog"
}

variable "environment" {
  description = "dev or prod."
  type        = string
}

variable "region" {
  description = "GCP region."
  type        = string
  default     = "europe-west1"
}

variable "network_cidr" {
  description = "Range for the VPC subnets."
  type        = string
  default     = "10.60.0.0/16"
}

variable "sql_tier" {
  description = "Cloud SQL machine tier."
  type        = string
  default     = "db-custom-1-3840"
}

variable "sql_disk_gb" {
  description = "Cloud SQL disk size."
  type        = number
  default     = 20
}

variable "sql_high_availability" {
  description = "Regional (highly available) Cloud SQL instance."
  type        = bool
  default     = false
}

variable "db_password" {
  description = "Password of the application database user."
  type        = string
  sensitive   = true
}

variable "redis_tier" {
  description = "Memorystore tier: BASIC or STANDARD_HA."
  type        = string
  default     = "BASIC"
}

variable "redis_memory_gb" {
  description = "Memorystore capacity in GB."
  type        = number
  default     = 1
}

variable "run_cpu" {
  description = "Cloud Run CPU limit per instance."
  type        = string
  default     = "1"
}

variable "run_memory" {
  description = "Cloud Run memory limit per instance."
  type        = string
  default     = "512Mi"
}

variable "run_min_instances" {
  description = "Minimum Cloud Run instances."
  type        = number
  default     = 0
}

variable "run_max_instances" {
  description = "Maximum Cloud Run instances."
  type        = number
  default     = 5
}
