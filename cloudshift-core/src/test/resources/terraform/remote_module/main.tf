module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"
  cidr    = "10.0.0.0/16"
}

module "private" {
  source = "git::https://deploy:gh-SuperSecretToken@github.com/acme/tf-modules.git//rds?ref=v1"
}

resource "aws_instance" "bastion" {
  subnet_id     = module.vpc.public_subnets[0]
  instance_type = "t3.nano"
}
