import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Generates a synthetic AWS estate for the planner benchmark: a root module spread over many files, one
 * local module called hundreds of times, count and for_each everywhere, and dev and prod tfvars.
 *
 * <pre>
 *   java bench/GenerateEstate.java bench/out/estate-10k 10000
 * </pre>
 *
 * Each team file holds one PostgreSQL instance, one Redis replication group, one secret and ten calls of
 * modules/service; each call expands to 16 resources (7 singles, 4 SQS queues by count, 2 S3 buckets and 3
 * alarms by for_each). The network file adds a VPC, an internet gateway and subnets by count. The number of
 * teams is chosen so that every environment has at least the requested number of resource instances;
 * the exact count is printed.
 */
public final class GenerateEstate {

    static final int PER_SERVICE = 16;
    static final int SERVICES_PER_TEAM = 10;
    static final int PER_TEAM = 3 + SERVICES_PER_TEAM * PER_SERVICE;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out/estate-10k");
        int target = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int subnets = 64;
        int network = 2 + subnets;
        int teams = (int) Math.ceil((target - network) / (double) PER_TEAM);
        int total = network + teams * PER_TEAM;

        if (Files.exists(out)) {
            try (Stream<Path> s = Files.walk(out)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(out.resolve("modules/service"));

        write(out.resolve("versions.tf"), """
                terraform {
                  required_providers {
                    aws = {
                      source  = "hashicorp/aws"
                      version = "~> 5.40"
                    }
                  }
                }

                provider "aws" {
                  region = var.region
                }
                """);
        write(out.resolve("variables.tf"), """
                variable "environment" {
                  type = string
                }

                variable "region" {
                  type    = string
                  default = "us-east-1"
                }

                variable "db_instance_class" {
                  type    = string
                  default = "db.t3.micro"
                }

                variable "cache_node_type" {
                  type    = string
                  default = "cache.t3.micro"
                }

                variable "service_cpu" {
                  type    = number
                  default = 256
                }

                variable "service_memory" {
                  type    = number
                  default = 512
                }

                variable "desired_count" {
                  type    = number
                  default = 1
                }

                variable "db_password" {
                  type      = string
                  sensitive = true
                }
                """);
        write(out.resolve("network.tf"), """
                locals {
                  name = "estate-${var.environment}"
                }

                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                  tags       = { Name = "${local.name}-vpc" }
                }

                resource "aws_internet_gateway" "main" {
                  vpc_id = aws_vpc.main.id
                }

                resource "aws_subnet" "private" {
                  count             = %d
                  vpc_id            = aws_vpc.main.id
                  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
                  availability_zone = element(["us-east-1a", "us-east-1b", "us-east-1c"], count.index)
                }
                """.formatted(subnets));
        for (int t = 0; t < teams; t++) {
            StringBuilder tf = new StringBuilder();
            String team = "team%03d".formatted(t);
            tf.append("""
                    resource "aws_db_instance" "%1$s" {
                      identifier        = "${local.name}-%1$s"
                      engine            = "postgres"
                      engine_version    = "15.4"
                      instance_class    = var.db_instance_class
                      allocated_storage = var.environment == "prod" ? 100 : 20
                      multi_az          = var.environment == "prod"
                      username          = "%1$s"
                      password          = var.db_password
                    }

                    resource "aws_elasticache_replication_group" "%1$s" {
                      replication_group_id = "${local.name}-%1$s"
                      description          = "cache for %1$s"
                      engine               = "redis"
                      node_type            = var.cache_node_type
                      num_cache_clusters   = var.environment == "prod" ? 2 : 1
                    }

                    resource "aws_secretsmanager_secret" "%1$s" {
                      name = "${local.name}/%1$s/db"
                    }
                    """.formatted(team));
            for (int s = 0; s < SERVICES_PER_TEAM; s++) {
                tf.append("""

                        module "%1$s_svc%2$d" {
                          source        = "./modules/service"
                          name          = "${local.name}-%1$s-svc%2$d"
                          cpu           = var.service_cpu
                          memory        = var.service_memory
                          desired_count = var.desired_count
                          vpc_id        = aws_vpc.main.id
                          subnet_ids    = aws_subnet.private[*].id
                          db_host       = aws_db_instance.%1$s.address
                          buckets       = ["raw", "curated"]
                        }
                        """.formatted(team, s));
            }
            write(out.resolve(team + ".tf"), tf.toString());
        }
        write(out.resolve("modules/service/main.tf"), """
                variable "name" {
                  type = string
                }

                variable "cpu" {
                  type = number
                }

                variable "memory" {
                  type = number
                }

                variable "desired_count" {
                  type = number
                }

                variable "vpc_id" {
                  type = string
                }

                variable "subnet_ids" {
                  type = list(string)
                }

                variable "db_host" {
                  type = string
                }

                variable "buckets" {
                  type = list(string)
                }

                locals {
                  alarms = {
                    cpu    = { metric = "CPUUtilization", threshold = 80 }
                    memory = { metric = "MemoryUtilization", threshold = 85 }
                    errors = { metric = "HTTPCode_Target_5XX_Count", threshold = 10 }
                  }
                }

                resource "aws_cloudwatch_log_group" "this" {
                  name              = "/ecs/${var.name}"
                  retention_in_days = 14
                }

                resource "aws_iam_role" "task" {
                  name = "${var.name}-task"
                  assume_role_policy = jsonencode({
                    Version   = "2012-10-17"
                    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
                  })
                }

                resource "aws_iam_role_policy" "task" {
                  role = aws_iam_role.task.id
                  policy = jsonencode({
                    Version   = "2012-10-17"
                    Statement = [{ Effect = "Allow", Action = ["sqs:*"], Resource = aws_sqs_queue.queue[*].arn }]
                  })
                }

                resource "aws_security_group" "this" {
                  name   = var.name
                  vpc_id = var.vpc_id

                  ingress {
                    from_port   = 8080
                    to_port     = 8080
                    protocol    = "tcp"
                    cidr_blocks = ["10.0.0.0/16"]
                  }
                }

                resource "aws_lb_target_group" "this" {
                  name        = substr(var.name, 0, 32)
                  port        = 8080
                  protocol    = "HTTP"
                  target_type = "ip"
                  vpc_id      = var.vpc_id
                }

                resource "aws_ecs_task_definition" "this" {
                  family                   = var.name
                  requires_compatibilities = ["FARGATE"]
                  network_mode             = "awsvpc"
                  cpu                      = var.cpu
                  memory                   = var.memory
                  execution_role_arn       = aws_iam_role.task.arn
                  container_definitions = jsonencode([{
                    name         = "app"
                    image        = "example/${var.name}:latest"
                    portMappings = [{ containerPort = 8080 }]
                    environment  = [{ name = "DB_HOST", value = var.db_host }]
                    logConfiguration = {
                      logDriver = "awslogs"
                      options   = { "awslogs-group" = aws_cloudwatch_log_group.this.name }
                    }
                  }])
                }

                resource "aws_ecs_service" "this" {
                  name            = var.name
                  task_definition = aws_ecs_task_definition.this.arn
                  desired_count   = var.desired_count
                  launch_type     = "FARGATE"

                  network_configuration {
                    subnets         = var.subnet_ids
                    security_groups = [aws_security_group.this.id]
                  }

                  load_balancer {
                    target_group_arn = aws_lb_target_group.this.arn
                    container_name   = "app"
                    container_port   = 8080
                  }
                }

                resource "aws_sqs_queue" "queue" {
                  count                      = 4
                  name                       = "${var.name}-q${count.index}"
                  visibility_timeout_seconds = 60
                }

                resource "aws_s3_bucket" "data" {
                  for_each = toset(var.buckets)
                  bucket   = "${var.name}-${each.key}"
                }

                resource "aws_cloudwatch_metric_alarm" "this" {
                  for_each            = local.alarms
                  alarm_name          = "${var.name}-${each.key}"
                  namespace           = "AWS/ECS"
                  metric_name         = each.value.metric
                  threshold           = each.value.threshold
                  comparison_operator = "GreaterThanThreshold"
                  evaluation_periods  = 3
                  period              = 60
                  statistic           = "Average"
                }
                """);
        write(out.resolve("dev.tfvars"), """
                environment       = "dev"
                db_instance_class = "db.t3.micro"
                cache_node_type   = "cache.t3.micro"
                service_cpu       = 256
                service_memory    = 512
                desired_count     = 1
                db_password       = "bench-dev-fake-password-000"
                """);
        write(out.resolve("prod.tfvars"), """
                environment       = "prod"
                db_instance_class = "db.m5.large"
                cache_node_type   = "cache.m5.large"
                service_cpu       = 1024
                service_memory    = 2048
                desired_count     = 3
                db_password       = "bench-prod-fake-password-000"
                """);
        int files;
        try (Stream<Path> s = Files.walk(out)) {
            files = (int) s.filter(Files::isRegularFile).count();
        }
        System.out.printf("Generated %s: %d files, %d team files, %d module calls, %d resource instances per environment "
                + "(dev, prod: %d in total)%n", out, files, teams, teams * SERVICES_PER_TEAM, total, total * 2);
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private GenerateEstate() {
    }

}
