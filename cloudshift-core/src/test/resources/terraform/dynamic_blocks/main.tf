variable "ingress_ports" {
  type    = map(number)
  default = { https = 443, http = 80 }
}

resource "aws_security_group" "web" {
  name = "web"

  dynamic "ingress" {
    for_each = var.ingress_ports
    iterator = rule
    content {
      description = rule.key
      from_port   = rule.value
      to_port     = rule.value
      protocol    = "tcp"
    }
  }

  egress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
  }
}

resource "aws_security_group" "db" {
  name = "db"
  dynamic "ingress" {
    for_each = [aws_security_group.web.id]
    content {
      security_groups = [ingress.value]
      from_port       = 5432
    }
  }
}
