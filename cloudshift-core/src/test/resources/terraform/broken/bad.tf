resource "aws_sqs_queue" "first" {
  name = "a"
  delay_seconds = 
}

resource "aws_sqs_queue" "second" {
  name = "b"
}

resource "aws_sns_topic" "unclosed" {
  name = "c"
