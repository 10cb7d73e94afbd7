data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "lambda" {
  name               = "${local.name}-lambda"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

resource "aws_iam_role_policy_attachment" "lambda_vpc" {
  role       = aws_iam_role.lambda.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_iam_role_policy" "lambda_access" {
  name = "${local.name}-lambda-access"
  role = aws_iam_role.lambda.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
        Resource = [aws_sqs_queue.ingest.arn, aws_sqs_queue.ingest_dlq.arn]
      },
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = ["${aws_s3_bucket.content.arn}/*"]
      },
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameter", "ssm:GetParametersByPath"]
        Resource = ["arn:aws:ssm:${var.region}:*:parameter${local.prefix}/*"]
      },
      {
        Effect   = "Allow"
        Action   = ["rds-data:ExecuteStatement", "rds-data:BatchExecuteStatement"]
        Resource = [aws_rds_cluster.main.arn]
      },
    ]
  })
}

resource "aws_cloudwatch_log_group" "function" {
  for_each = local.functions

  name              = "/aws/lambda/${local.name}-${each.key}"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "this" {
  for_each = local.functions

  function_name = "${local.name}-${each.key}"
  role          = aws_iam_role.lambda.arn
  runtime       = "python3.12"
  handler       = each.value.handler
  s3_bucket     = aws_s3_bucket.artifacts.id
  s3_key        = "lambda/${each.key}.zip"
  memory_size   = var.lambda_memory_mb[each.value.group]
  timeout       = each.value.timeout

  reserved_concurrent_executions = each.value.group == "api" ? var.lambda_reserved_concurrency : -1

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.lambda.id]
  }

  environment {
    variables = {
      ENVIRONMENT      = var.environment
      DB_CLUSTER_ARN   = aws_rds_cluster.main.arn
      DB_NAME          = aws_rds_cluster.main.database_name
      DB_HOST          = aws_rds_cluster.main.endpoint
      INGEST_QUEUE_URL = aws_sqs_queue.ingest.url
      CONTENT_BUCKET   = aws_s3_bucket.content.bucket
      SSM_PREFIX       = local.prefix
    }
  }

  dynamic "dead_letter_config" {
    for_each = each.value.group == "background" ? [1] : []
    content {
      target_arn = aws_sqs_queue.ingest_dlq.arn
    }
  }

  depends_on = [aws_cloudwatch_log_group.function]
}

resource "aws_lambda_event_source_mapping" "ingest" {
  event_source_arn = aws_sqs_queue.ingest.arn
  function_name    = aws_lambda_function.this["ingest_worker"].arn
  batch_size       = 10
}
