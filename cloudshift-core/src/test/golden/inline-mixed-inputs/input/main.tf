locals {
  queues = ["orders", "emails"]
}

resource "aws_sqs_queue" "work" {
  for_each = toset(local.queues)

  name                      = "shop-${each.key}"
  message_retention_seconds = 345600
}

resource "aws_s3_bucket" "uploads" {
  bucket = "shop-uploads"
}
