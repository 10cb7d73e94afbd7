environment        = "default"
location           = "eastus"
log_retention_days = 30
