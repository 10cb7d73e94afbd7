replicas = 0
