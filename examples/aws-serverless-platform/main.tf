locals {
  name   = "${var.project}-${var.environment}"
  prefix = "/${var.environment}/${var.project}"

  subdomain = var.environment == "prod" ? "api.${var.domain_name}" : "api.${var.environment}.${var.domain_name}"
  web_host  = var.environment == "prod" ? "www.${var.domain_name}" : "${var.environment}.${var.domain_name}"

  functions = {
    artists = {
      handler = "artists.handler"
      group   = "api"
      timeout = 30
      route   = "ANY /artists/{proxy+}"
    }
    videos = {
      handler = "videos.handler"
      group   = "api"
      timeout = 30
      route   = "ANY /videos/{proxy+}"
    }
    payouts = {
      handler = "payouts.handler"
      group   = "api"
      timeout = 30
      route   = "ANY /payouts/{proxy+}"
    }
    ingest_worker = {
      handler = "ingest.worker"
      group   = "background"
      timeout = 900
      route   = null
    }
  }

  api_functions = { for name, f in local.functions : name => f if f.route != null }
}

data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_vpc" "main" {
  cidr_block           = var.vpc_cidr
  enable_dns_hostnames = true

  tags = { Name = "${local.name}-vpc" }
}

resource "aws_subnet" "private" {
  count = 2

  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(var.vpc_cidr, 4, count.index)
  availability_zone = data.aws_availability_zones.available.names[count.index]

  tags = { Name = "${local.name}-private-${count.index}" }
}

resource "aws_security_group" "lambda" {
  name   = "${local.name}-lambda"
  vpc_id = aws_vpc.main.id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "db" {
  name   = "${local.name}-aurora"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.lambda.id]
  }
}
