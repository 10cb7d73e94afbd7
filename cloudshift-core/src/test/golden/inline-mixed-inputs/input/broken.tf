resource "aws_sns_topic" "alerts" {
  name = "alerts"
  tags = {
    team = "shop"
}

resource "aws_cloudwatch_log_group" "app" {
  name = = "/shop/app"
}
