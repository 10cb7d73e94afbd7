region      = "eu-west-1"
environment = "dev"
