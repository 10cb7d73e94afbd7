resource "aws_sns_topic" "t" {
  name = "t"

resource "aws_sqs_queue" "after" {
  name = "after"
}
