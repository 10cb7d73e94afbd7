variable "env" {
  default = "dev"
}

module "network" {
  source = "./modules/network"
  cidr   = "10.20.0.0/16"
  name   = "core-${var.env}"
}

module "service" {
  source     = "./modules/service"
  count      = 2
  name       = "svc${count.index}"
  subnet_ids = module.network.private_subnet_ids
  vpc_id     = module.network.vpc_id
}

module "workers" {
  source   = "./modules/service"
  for_each = toset(["email", "billing"])
  name     = each.key
  subnet_ids = module.network.private_subnet_ids
  vpc_id   = module.network.vpc_id
}

resource "aws_route53_record" "api" {
  name    = module.network.name
  records = [module.service[0].endpoint]
}
