locals {
  quoted    = "say \"hi\" \\ bye"
  newline   = "line one\nline two\ttab"
  template  = "$${literal} and %%{literal} and ${var.name}-suffix"
  dollar    = "cost $5 and 100%"
  index     = aws_subnet.private[0].id
  key_index = aws_ecr_repository.app["backend"].repository_url
  number    = 1.5
  big       = 34359738368
  negative  = -1
  flag      = true
  nothing   = null
}
