variable "name" {
  description = "Name prefix."
  type        = string
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
}

variable "az_count" {
  description = "Number of availability zones (one public and one private subnet in each)."
  type        = number
}

variable "azs" {
  description = "Availability zone names, at least az_count of them."
  type        = list(string)
}

variable "single_nat_gateway" {
  description = "One NAT gateway shared by every private subnet."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
