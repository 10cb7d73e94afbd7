variable "instance_type" {
  type    = string
  default = "t3.micro"
}

variable "replicas" {
  type    = number
  default = 1
}

variable "region" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}
