locals {
  c = "${local.b}-c"
  b = "${local.a}-b"
  a = "a"
  x = local.y
  y = local.x
  subnet_ids = aws_subnet.s[*].id
  first      = aws_subnet.s[0].id
}

resource "aws_subnet" "s" {
  count      = 2
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}

resource "aws_ecs_service" "svc" {
  name    = local.c
  subnets = local.subnet_ids
  first   = local.first
  cycle   = local.x
}

data "aws_caller_identity" "me" {}

resource "aws_iam_role" "r" {
  name = "role-${data.aws_caller_identity.me.account_id}"
}
