variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "azs" {
  type    = list(string)
  default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

locals {
  buckets = {
    logs   = { versioning = true }
    assets = { versioning = false }
  }
  queues = toset(["orders", "emails"])
}

resource "aws_vpc" "main" {
  cidr_block = var.vpc_cidr
  tags       = { Name = "main" }
}

resource "aws_subnet" "private" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(var.vpc_cidr, 8, count.index + 10)
  tags = {
    Name = "private-${count.index}"
  }
}

resource "aws_s3_bucket" "b" {
  for_each = local.buckets
  bucket   = "acme-${each.key}"
  versioning {
    enabled = each.value.versioning
  }
}

resource "aws_sqs_queue" "q" {
  for_each = local.queues
  name     = "${each.value}-queue"
}

resource "aws_route_table_association" "private" {
  count     = length(aws_subnet.private)
  subnet_id = aws_subnet.private[count.index].id
}

resource "aws_lb" "web" {
  subnets = aws_subnet.private[*].id
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
}

resource "aws_instance" "app" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.private[0].id
  depends_on    = [aws_s3_bucket.b]
}
