variable "name" {}
variable "subnet_ids" {
  type = list(string)
}
variable "vpc_id" {}
variable "port" {
  default = 8080
}

resource "aws_lb_target_group" "this" {
  name     = "tg-${var.name}"
  port     = var.port
  vpc_id   = var.vpc_id
}

resource "aws_ecs_service" "this" {
  name    = var.name
  network_configuration {
    subnets = var.subnet_ids
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.this.arn
  }
}

output "endpoint" {
  value = "${var.name}.internal:${var.port}"
}
