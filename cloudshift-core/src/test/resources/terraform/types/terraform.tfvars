services = {
  api    = { cpu = "512", port = 9000, replicas = 3 }
  worker = { cpu = 256, public = "true", tags = { team = "x" } }
}
