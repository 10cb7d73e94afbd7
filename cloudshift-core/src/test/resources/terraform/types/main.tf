variable "services" {
  type = map(object({
    cpu      = number
    port     = optional(number, 8080)
    public   = optional(bool, false)
    tags     = optional(map(string), {})
    replicas = optional(number)
  }))
}

variable "ports" {
  type    = list(number)
  default = ["80", "443"]
}

variable "zones" {
  type    = set(string)
  default = ["b", "a", "b"]
}

resource "aws_ecs_service" "svc" {
  for_each      = var.services
  name          = each.key
  cpu           = each.value.cpu
  port          = each.value.port
  public        = each.value.public
  desired_count = coalesce(each.value.replicas, 1)
  tags          = each.value.tags
  ports         = var.ports
  zones         = var.zones
}
