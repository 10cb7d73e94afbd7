variable "db_password" {
  type = string
}

variable "api_key" {
  type = string
}

variable "connection" {
  type      = string
  sensitive = true
}

variable "key_name" {
  type    = string
  default = "deployer"
}

variable "db_settings" {
  type = object({ user = string, secret = string })
}

locals {
  url     = "postgres://app:${var.db_password}@${aws_db_instance.main.address}:5432/app"
  headers = { Authorization = "Bearer ${var.api_key}" }
}

resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
  username       = var.db_settings.user
  password       = var.db_password
  key_name       = var.key_name
}

resource "aws_ssm_parameter" "url" {
  name  = "/app/url"
  type  = "SecureString"
  value = local.url
}

resource "aws_lambda_function" "fn" {
  function_name = "fn"
  environment {
    variables = merge(local.headers, {
      CONN   = var.connection
      SECRET = var.db_settings.secret
      PLAIN  = "visible"
    })
  }
}

resource "aws_secretsmanager_secret_version" "literal" {
  secret_string = "LiteralInCode-Pa55"
  master_password = "AnotherLiteral-Pa55"
}

resource "aws_instance" "bad" {
  count         = tonumber(var.db_password)
  instance_type = "t3.micro"
}

resource "random_password" "db" {
  length = 24
}

resource "aws_rds_cluster" "c" {
  master_password = random_password.db.result
  master_username = "admin"
  db_token        = "tok-${random_password.db.id}-LiteralTail"
}
