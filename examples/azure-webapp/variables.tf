variable "project" {
  description = "Project name."
  type        = string
  default     = "ledger"
}

variable "environment" {
  description = "dev or prod."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
  default     = "westeurope"
}

variable "vnet_cidr" {
  description = "Address space of the virtual network."
  type        = string
  default     = "10.40.0.0/16"
}

variable "postgres_sku" {
  description = "PostgreSQL flexible server SKU."
  type        = string
  default     = "B_Standard_B1ms"
}

variable "postgres_storage_mb" {
  description = "PostgreSQL storage in MB."
  type        = number
  default     = 32768
}

variable "postgres_ha" {
  description = "Zone-redundant high availability."
  type        = bool
  default     = false
}

variable "postgres_admin_password" {
  description = "Administrator password of the PostgreSQL server."
  type        = string
  sensitive   = true
}

variable "redis_sku" {
  description = "Azure Cache for Redis SKU name and capacity."
  type = object({
    name     = string
    family   = string
    capacity = number
  })
  default = {
    name     = "Basic"
    family   = "C"
    capacity = 0
  }
}

variable "api_cpu" {
  description = "vCPU per API replica."
  type        = number
  default     = 0.5
}

variable "api_memory" {
  description = "Memory per API replica."
  type        = string
  default     = "1Gi"
}

variable "api_min_replicas" {
  description = "Minimum API replicas."
  type        = number
  default     = 1
}

variable "api_max_replicas" {
  description = "Maximum API replicas."
  type        = number
  default     = 3
}
