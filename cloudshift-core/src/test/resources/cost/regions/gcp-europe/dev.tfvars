region = "europe-west4"
