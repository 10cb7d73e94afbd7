provider "aws" {
  region = var.region
}

terraform {
  required_version = ">= 1.5"
  backend "s3" {
    bucket = "state"
  }
}

resource "aws_instance" "app" {
  count         = var.replicas
  instance_type = var.instance_type
  tags          = merge({ Env = terraform.workspace }, var.tags)
}

output "ids" {
  value = aws_instance.app[*].id
}
