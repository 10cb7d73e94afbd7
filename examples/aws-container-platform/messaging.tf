resource "aws_cloudwatch_log_group" "msk" {
  name              = "/aws/msk/${local.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_msk_configuration" "main" {
  name           = "${local.name}-kafka"
  kafka_versions = ["3.5.1"]

  server_properties = <<-PROPERTIES
    auto.create.topics.enable = false
    default.replication.factor = ${min(var.kafka_broker_count, 3)}
    min.insync.replicas = ${var.kafka_broker_count > 2 ? 2 : 1}
    num.partitions = 6
  PROPERTIES
}

resource "aws_msk_cluster" "main" {
  cluster_name           = "${local.name}-kafka"
  kafka_version          = "3.5.1"
  number_of_broker_nodes = var.kafka_broker_count

  broker_node_group_info {
    instance_type   = var.kafka_instance_type
    client_subnets  = module.network.private_subnet_ids
    security_groups = [aws_security_group.data.id]

    storage_info {
      ebs_storage_info {
        volume_size = var.kafka_volume_size
      }
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.main.arn
    revision = aws_msk_configuration.main.latest_revision
  }

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS_PLAINTEXT"
      in_cluster    = true
    }
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.msk.name
      }
    }
  }
}
