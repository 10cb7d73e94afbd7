region = "eu-west-1"
tags = {
  Team = "platform"
}
