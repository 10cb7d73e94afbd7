replicas = 1
unknown_setting = "x"
