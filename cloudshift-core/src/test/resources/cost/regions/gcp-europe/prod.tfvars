region = "europe-west1"
