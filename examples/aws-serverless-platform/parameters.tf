resource "aws_ssm_parameter" "feature" {
  for_each = var.feature_flags

  name  = "${local.prefix}/features/${each.key}"
  type  = "String"
  value = tostring(each.value)
}

resource "aws_ssm_parameter" "youtube_api_key" {
  name  = "${local.prefix}/youtube-api-key"
  type  = "SecureString"
  value = var.youtube_api_key
}

resource "aws_ssm_parameter" "db_cluster_arn" {
  name  = "${local.prefix}/database/cluster-arn"
  type  = "String"
  value = aws_rds_cluster.main.arn
}
