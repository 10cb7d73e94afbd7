replicas      = 3
instance_type = "m5.large"
region        = "eu-central-1"
