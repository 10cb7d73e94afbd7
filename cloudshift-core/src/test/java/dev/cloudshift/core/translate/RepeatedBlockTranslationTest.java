package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.ast.Block;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeated blocks (a rule's {@code for_each}): every rule, port and range of a source becomes its own block, what the
 * target cannot express becomes a TODO, and a rule present in some environments only becomes a dynamic block.
 */
class RepeatedBlockTranslationTest {

    @Test
    void everyInboundAllowRuleAndPortRangeOfAnNsgBecomesAnIngressBlock(@TempDir Path dir) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("main.tf", """
                variable "environment" {
                  type = string
                }

                resource "azurerm_resource_group" "main" {
                  name     = "rg-shop-${var.environment}"
                  location = "westeurope"
                }

                resource "azurerm_virtual_network" "main" {
                  name                = "vnet-shop"
                  location            = azurerm_resource_group.main.location
                  resource_group_name = azurerm_resource_group.main.name
                  address_space       = ["10.1.0.0/16"]
                }

                resource "azurerm_network_security_group" "apps" {
                  name                = "nsg-shop-${var.environment}"
                  location            = azurerm_resource_group.main.location
                  resource_group_name = azurerm_resource_group.main.name

                  security_rule {
                    name                       = "allow-https"
                    priority                   = 100
                    direction                  = "Inbound"
                    access                     = "Allow"
                    protocol                   = "Tcp"
                    source_port_range          = "*"
                    destination_port_range     = "443"
                    source_address_prefix      = "Internet"
                    destination_address_prefix = "*"
                  }

                  security_rule {
                    name                       = "allow-app-ports"
                    priority                   = 110
                    direction                  = "Inbound"
                    access                     = "Allow"
                    protocol                   = "Tcp"
                    source_port_range          = "*"
                    destination_port_ranges    = ["8080", "9000-9100"]
                    source_address_prefixes    = ["10.1.0.0/16", "10.2.0.0/16"]
                    destination_address_prefix = "*"
                  }

                  security_rule {
                    name                       = "deny-ssh"
                    priority                   = 120
                    direction                  = "Inbound"
                    access                     = "Deny"
                    protocol                   = "Tcp"
                    source_port_range          = "*"
                    destination_port_range     = "22"
                    source_address_prefix      = "*"
                    destination_address_prefix = "*"
                  }

                  security_rule {
                    name                       = "allow-vnet"
                    priority                   = 130
                    direction                  = "Inbound"
                    access                     = "Allow"
                    protocol                   = "*"
                    source_port_range          = "*"
                    destination_port_range     = "*"
                    source_address_prefix      = "VirtualNetwork"
                    destination_address_prefix = "*"
                  }

                  dynamic "security_rule" {
                    for_each = var.environment == "prod" ? [1] : []
                    content {
                      name                       = "allow-metrics"
                      priority                   = 140
                      direction                  = "Inbound"
                      access                     = "Allow"
                      protocol                   = "Udp"
                      source_port_range          = "*"
                      destination_port_range     = "*"
                      source_address_prefix      = "10.9.0.0/24"
                      destination_address_prefix = "*"
                    }
                  }
                }
                """);
        files.put("dev.tfvars", "environment = \"dev\"\n");
        files.put("prod.tfvars", "environment = \"prod\"\n");
        TranslationFixture.Result r = TranslationFixture.translate(dir, "aws", files).assertValid();
        Block sg = r.resource("security.tf", "aws_security_group", "apps");
        List<String> rules = new ArrayList<>();
        for (Block b : sg.body().blocks("ingress")) {
            rules.add(rule(b));
        }
        assertThat(rules).containsExactly(
                "\"allow-https\" 443-443 \"tcp\" [\"0.0.0.0/0\"]",
                "\"allow-app-ports\" 8080-8080 \"tcp\" [\"10.1.0.0/16\", \"10.2.0.0/16\"]",
                "\"allow-app-ports\" 9000-9100 \"tcp\" [\"10.1.0.0/16\", \"10.2.0.0/16\"]");
        // the prod-only rule is a dynamic block switched by a per-environment variable
        Block dynamic = sg.body().blocks("dynamic").get(0);
        assertThat(dynamic.label(0)).isEqualTo("ingress");
        String flag = TranslationFixture.text(dynamic.body().attribute("for_each"));
        assertThat(flag).matches("var\\.[a-z0-9_]+ \\? \\[1\\] : \\[\\]");
        String var = flag.substring(4, flag.indexOf(' '));
        assertThat(r.file("dev.tfvars")).containsPattern("(?m)^" + var + " += false$");
        assertThat(r.file("prod.tfvars")).containsPattern("(?m)^" + var + " += true$");
        Block content = dynamic.body().blocks("content").get(0);
        assertThat(rule(content)).isEqualTo("\"allow-metrics\" 0-65535 \"udp\" [\"10.9.0.0/24\"]");

        assertThat(r.out().todos()).extracting(Todo::reason)
                .anySatisfy(s -> assertThat(s).contains("'deny-ssh'").contains("network ACL"))
                .anySatisfy(s -> assertThat(s).contains("'allow-vnet'").contains("cidr_blocks has no translation"));
        assertThat(r.out().todos()).as("each TODO once, not once per environment").extracting(Todo::reason)
                .filteredOn(s -> s.contains("'deny-ssh'")).hasSize(1);
    }

    @Test
    void everyPortOfEveryAllowBlockOfAFirewallBecomesAnIngressBlock(@TempDir Path dir) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("main.tf", """
                resource "google_compute_network" "main" {
                  name                    = "shop"
                  auto_create_subnetworks = false
                }

                resource "google_compute_firewall" "web" {
                  name    = "shop-web"
                  network = google_compute_network.main.name

                  allow {
                    protocol = "tcp"
                    ports    = ["80", "443", "8000-8100"]
                  }

                  allow {
                    protocol = "icmp"
                  }

                  deny {
                    protocol = "udp"
                  }

                  source_ranges = ["0.0.0.0/0"]
                }
                """);
        TranslationFixture.Result r = TranslationFixture.translate(dir, "aws", files).assertValid();
        Block sg = r.resource("security.tf", "aws_security_group", "web");
        List<String> rules = new ArrayList<>();
        for (Block b : sg.body().blocks("ingress")) {
            rules.add(rule(b));
        }
        assertThat(rules).containsExactly(
                "\"shop-web\" 80-80 \"tcp\" [\"0.0.0.0/0\"]",
                "\"shop-web\" 443-443 \"tcp\" [\"0.0.0.0/0\"]",
                "\"shop-web\" 8000-8100 \"tcp\" [\"0.0.0.0/0\"]",
                "\"shop-web\" -1--1 \"icmp\" [\"0.0.0.0/0\"]");
        assertThat(sg.body().blocks("egress")).hasSize(1);
        assertThat(r.out().todos()).extracting(Todo::reason).anySatisfy(s -> assertThat(s).contains("deny block"));
    }

    @Test
    void anEgressFirewallRuleIsATodoNotAnIngressRule(@TempDir Path dir) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("main.tf", """
                resource "google_compute_network" "main" {
                  name                    = "shop"
                  auto_create_subnetworks = false
                }

                resource "google_compute_firewall" "out" {
                  name      = "shop-out"
                  network   = google_compute_network.main.name
                  direction = "EGRESS"

                  allow {
                    protocol = "tcp"
                    ports    = ["443"]
                  }

                  destination_ranges = ["10.0.0.0/8"]
                }
                """);
        TranslationFixture.Result r = TranslationFixture.translate(dir, "aws", files).assertValid();
        assertThat(r.out().files().getOrDefault("security.tf", "")).doesNotContain("resource \"aws_security_group\" \"out\"");
        assertThat(r.out().todos()).extracting(Todo::address).contains("google_compute_firewall.out");
        assertThat(r.out().todos()).extracting(Todo::reason).anySatisfy(s -> assertThat(s).contains("EGRESS"));
    }

    @Test
    void securityGroupRulesBecomeNsgRulesWithDistinctPriorities(@TempDir Path dir) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("main.tf", """
                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                }

                resource "aws_security_group" "web" {
                  name   = "web"
                  vpc_id = aws_vpc.main.id

                  ingress {
                    from_port   = 80
                    to_port     = 80
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }

                  ingress {
                    from_port   = 443
                    to_port     = 443
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }

                  ingress {
                    from_port   = 8080
                    to_port     = 8090
                    protocol    = "tcp"
                    cidr_blocks = ["10.0.0.0/8", "192.168.0.0/16"]
                  }
                }
                """);
        TranslationFixture.Result r = TranslationFixture.translate(dir, "azure", files).assertValid();
        Block nsg = r.resource("network.tf", "azurerm_network_security_group", "web");
        List<String> ports = new ArrayList<>();
        List<String> priorities = new ArrayList<>();
        for (Block b : nsg.body().blocks("security_rule")) {
            ports.add(TranslationFixture.text(b.body().attribute("destination_port_range")));
            priorities.add(TranslationFixture.text(b.body().attribute("priority")));
        }
        assertThat(ports).containsExactly("\"80\"", "\"443\"", "\"8080-8090\"");
        assertThat(priorities).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void aSecurityGroupRuleOnlyProductionHasIsSwitchedOffElsewhere(@TempDir Path dir) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("main.tf", """
                variable "environment" {
                  type = string
                }

                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                }

                resource "aws_security_group" "web" {
                  name   = "web-${var.environment}"
                  vpc_id = aws_vpc.main.id

                  ingress {
                    description = "https"
                    from_port   = 443
                    to_port     = 443
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }

                  dynamic "ingress" {
                    for_each = var.environment == "prod" ? [9100] : []
                    content {
                      description = "metrics"
                      from_port   = ingress.value
                      to_port     = ingress.value
                      protocol    = "tcp"
                      cidr_blocks = ["10.9.0.0/24"]
                    }
                  }
                }
                """);
        files.put("dev.tfvars", "environment = \"dev\"\n");
        files.put("prod.tfvars", "environment = \"prod\"\n");
        TranslationFixture.Result r = TranslationFixture.translate(dir, "azure", files).assertValid();
        Block nsg = r.resource("network.tf", "azurerm_network_security_group", "web");
        assertThat(nsg.body().blocks("security_rule")).hasSize(1);
        assertThat(TranslationFixture.text(nsg.body().blocks("security_rule").get(0).body().attribute("destination_port_range")))
                .isEqualTo("\"443\"");
        Block dynamic = nsg.body().blocks("dynamic").get(0);
        assertThat(dynamic.label(0)).isEqualTo("security_rule");
        Block content = dynamic.body().blocks("content").get(0);
        assertThat(TranslationFixture.text(content.body().attribute("destination_port_range"))).isEqualTo("\"9100\"");
        assertThat(TranslationFixture.text(content.body().attribute("priority"))).isEqualTo("110");
        String flag = TranslationFixture.text(dynamic.body().attribute("for_each"));
        String var = flag.substring(4, flag.indexOf(' '));
        assertThat(r.file("dev.tfvars")).containsPattern("(?m)^" + var + " += false$");
        assertThat(r.file("prod.tfvars")).containsPattern("(?m)^" + var + " += true$");
    }

    /** "description from-to protocol cidr_blocks" of an ingress block. */
    private static String rule(Block b) {
        return TranslationFixture.text(b.body().attribute("description")) + " "
                + TranslationFixture.text(b.body().attribute("from_port")) + "-"
                + TranslationFixture.text(b.body().attribute("to_port")) + " "
                + TranslationFixture.text(b.body().attribute("protocol")) + " "
                + TranslationFixture.text(b.body().attribute("cidr_blocks"));
    }
}
