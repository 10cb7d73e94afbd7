variable "project" {
  description = "Short project name used as a prefix for every resource."
  type        = string
  default     = "dataaggregator"
}

variable "environment" {
  description = "Deployment environment."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "The environment must be one of dev, staging or prod."
  }
}

variable "region" {
  description = "AWS region."
  type        = string
  default     = "us-east-1"
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "The vpc_cidr must be a valid IPv4 CIDR block."
  }
}

variable "az_count" {
  description = "Number of availability zones to spread subnets over."
  type        = number
  default     = 2
}

variable "single_nat_gateway" {
  description = "Use one NAT gateway for all private subnets (cheaper, not highly available)."
  type        = bool
  default     = true
}

variable "db_instance_class" {
  description = "RDS instance class for PostgreSQL."
  type        = string
  default     = "db.t3.micro"
}

variable "db_allocated_storage" {
  description = "Allocated storage for PostgreSQL, in GB."
  type        = number
  default     = 20
}

variable "db_multi_az" {
  description = "Run PostgreSQL with a standby in a second availability zone."
  type        = bool
  default     = false
}

variable "db_backup_retention_days" {
  description = "Days of automated PostgreSQL backups to keep."
  type        = number
  default     = 7
}

variable "db_username" {
  description = "Master user name of the PostgreSQL instance."
  type        = string
  default     = "dataaggregator"
}

variable "db_password" {
  description = "Master password of the PostgreSQL instance."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.db_password) >= 16
    error_message = "The db_password must be at least 16 characters long."
  }
}

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t3.micro"
}

variable "redis_replicas" {
  description = "Number of cache clusters in the Redis replication group (1 = primary only)."
  type        = number
  default     = 1
}

variable "kafka_instance_type" {
  description = "MSK broker instance type."
  type        = string
  default     = "kafka.t3.small"
}

variable "kafka_broker_count" {
  description = "Number of MSK broker nodes (a multiple of the number of subnets)."
  type        = number
  default     = 2
}

variable "kafka_volume_size" {
  description = "EBS volume per broker, in GB."
  type        = number
  default     = 20
}

variable "services" {
  description = "ECS services: container port, task size and desired count."
  type = map(object({
    cpu           = number
    memory        = number
    port          = number
    desired_count = number
    min_count     = number
    max_count     = number
  }))
  default = {
    backend = {
      cpu           = 512
      memory        = 1024
      port          = 8000
      desired_count = 1
      min_count     = 1
      max_count     = 4
    }
    frontend = {
      cpu           = 256
      memory        = 512
      port          = 3000
      desired_count = 1
      min_count     = 1
      max_count     = 4
    }
  }
}

variable "image_tag" {
  description = "Image tag deployed by ECS."
  type        = string
  default     = "latest"
}

variable "log_retention_days" {
  description = "CloudWatch log retention."
  type        = number
  default     = 14
}

variable "certificate_arn" {
  description = "ACM certificate for the HTTPS listener; plain HTTP only when empty."
  type        = string
  default     = ""
}
