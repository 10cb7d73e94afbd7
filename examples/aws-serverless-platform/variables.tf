variable "project" {
  description = "Project name, used as a prefix."
  type        = string
  default     = "distronation"
}

variable "environment" {
  description = "dev, staging or prod."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "The environment must be dev, staging or prod."
  }
}

variable "region" {
  description = "Primary AWS region."
  type        = string
  default     = "us-east-1"
}

variable "domain_name" {
  description = "Apex domain of the public zone."
  type        = string
  default     = "distronation.example.com"
}

variable "vpc_cidr" {
  description = "CIDR of the VPC that hosts the functions and the database."
  type        = string
  default     = "10.20.0.0/16"
}

variable "lambda_memory_mb" {
  description = "Memory size per function group (api functions and background workers)."
  type        = map(number)
  default = {
    api        = 256
    background = 512
  }
}

variable "lambda_reserved_concurrency" {
  description = "Reserved concurrency for the API functions; -1 means unreserved."
  type        = number
  default     = -1
}

variable "api_throttle_rate_limit" {
  description = "Steady-state requests per second on the API stage."
  type        = number
  default     = 200
}

variable "api_throttle_burst_limit" {
  description = "Burst requests on the API stage."
  type        = number
  default     = 100
}

variable "db_min_acu" {
  description = "Aurora Serverless v2 minimum capacity (ACU)."
  type        = number
  default     = 0.5
}

variable "db_max_acu" {
  description = "Aurora Serverless v2 maximum capacity (ACU)."
  type        = number
  default     = 2
}

variable "db_instance_count" {
  description = "Number of Aurora instances (writer + readers)."
  type        = number
  default     = 1
}

variable "db_backup_retention_days" {
  description = "Days of Aurora backups."
  type        = number
  default     = 1
}

variable "db_master_password" {
  description = "Aurora master password."
  type        = string
  sensitive   = true
}

variable "youtube_api_key" {
  description = "YouTube Data API key stored in SSM."
  type        = string
  sensitive   = true
}

variable "log_retention_days" {
  description = "CloudWatch log retention for function logs."
  type        = number
  default     = 7
}

variable "enable_cdn" {
  description = "Serve the web bucket through CloudFront."
  type        = bool
  default     = true
}

variable "feature_flags" {
  description = "Feature flags published as SSM parameters."
  type        = map(bool)
  default     = {}
}
