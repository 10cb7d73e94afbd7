package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.ast.Block;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Azure DNS and Cloud DNS records translate to Route 53: a record aliasing a load balancer's address becomes an alias
 * of the translated aws_lb (its dns_name and zone_id, never a literal), literal values become records, an alias of
 * something without an AWS counterpart is a TODO, and every generated block fits the aws provider schema.
 */
class Route53AliasTranslationTest {

    private static final String AZURE = """
            resource "azurerm_resource_group" "main" {
              name     = "rg-shop"
              location = "westeurope"
            }

            resource "azurerm_virtual_network" "main" {
              name                = "vnet-shop"
              location            = azurerm_resource_group.main.location
              resource_group_name = azurerm_resource_group.main.name
              address_space       = ["10.1.0.0/16"]
            }

            resource "azurerm_subnet" "gateway" {
              name                 = "snet-gateway"
              resource_group_name  = azurerm_resource_group.main.name
              virtual_network_name = azurerm_virtual_network.main.name
              address_prefixes     = ["10.1.1.0/24"]
            }

            resource "azurerm_public_ip" "gateway" {
              name                = "pip-gateway"
              location            = azurerm_resource_group.main.location
              resource_group_name = azurerm_resource_group.main.name
              allocation_method   = "Static"
              sku                 = "Standard"
            }

            resource "azurerm_application_gateway" "web" {
              name                = "agw-shop"
              location            = azurerm_resource_group.main.location
              resource_group_name = azurerm_resource_group.main.name

              sku {
                name     = "Standard_v2"
                tier     = "Standard_v2"
                capacity = 2
              }

              gateway_ip_configuration {
                name      = "gateway"
                subnet_id = azurerm_subnet.gateway.id
              }

              frontend_ip_configuration {
                name                 = "public"
                public_ip_address_id = azurerm_public_ip.gateway.id
              }
            }

            resource "azurerm_dns_zone" "shop" {
              name                = "shop.example.com"
              resource_group_name = azurerm_resource_group.main.name
            }

            resource "azurerm_dns_a_record" "apex" {
              name                = "@"
              zone_name           = azurerm_dns_zone.shop.name
              resource_group_name = azurerm_resource_group.main.name
              ttl                 = 300
              target_resource_id  = azurerm_public_ip.gateway.id
            }

            resource "azurerm_dns_a_record" "legacy" {
              name                = "legacy"
              zone_name           = azurerm_dns_zone.shop.name
              resource_group_name = azurerm_resource_group.main.name
              ttl                 = 3600
              records             = ["20.50.1.10", "20.50.1.11"]
            }

            resource "azurerm_dns_cname_record" "docs" {
              name                = "docs"
              zone_name           = azurerm_dns_zone.shop.name
              resource_group_name = azurerm_resource_group.main.name
              ttl                 = 600
              record              = "docs.example.net"
            }

            resource "azurerm_dns_cname_record" "www" {
              name                = "www"
              zone_name           = azurerm_dns_zone.shop.name
              resource_group_name = azurerm_resource_group.main.name
              ttl                 = 300
              target_resource_id  = azurerm_public_ip.gateway.id
            }

            resource "azurerm_dns_cname_record" "cdn" {
              name                = "cdn"
              zone_name           = azurerm_dns_zone.shop.name
              resource_group_name = azurerm_resource_group.main.name
              ttl                 = 300
              target_resource_id  = azurerm_cdn_frontdoor_endpoint.web.id
            }

            resource "azurerm_cdn_frontdoor_endpoint" "web" {
              name                     = "fde-shop"
              cdn_frontdoor_profile_id = "/subscriptions/0000/resourceGroups/rg-shop/providers/Microsoft.Cdn/profiles/afd-shop"
            }
            """;

    private static final String GCP = """
            resource "google_compute_network" "main" {
              name                    = "shop-vpc"
              auto_create_subnetworks = false
            }

            resource "google_compute_subnetwork" "main" {
              name          = "shop-subnet"
              network       = google_compute_network.main.id
              region        = "europe-west1"
              ip_cidr_range = "10.2.0.0/20"
            }

            resource "google_compute_global_address" "lb" {
              name = "shop-lb-ip"
            }

            resource "google_compute_global_forwarding_rule" "https" {
              name                  = "shop-https"
              target                = "projects/shop/global/targetHttpsProxies/shop-https"
              ip_address            = google_compute_global_address.lb.address
              port_range            = "443"
              load_balancing_scheme = "EXTERNAL_MANAGED"
            }

            resource "google_dns_managed_zone" "shop" {
              name     = "shop"
              dns_name = "shop.example.com."
            }

            resource "google_dns_record_set" "www" {
              name         = "www.${google_dns_managed_zone.shop.dns_name}"
              managed_zone = google_dns_managed_zone.shop.name
              type         = "A"
              ttl          = 300
              rrdatas      = [google_compute_global_address.lb.address]
            }

            resource "google_dns_record_set" "mx" {
              name         = google_dns_managed_zone.shop.dns_name
              managed_zone = google_dns_managed_zone.shop.name
              type         = "MX"
              ttl          = 3600
              rrdatas      = ["10 mail.example.com."]
            }
            """;

    @Test
    void azureAliasRecordsPointAtTheTranslatedLoadBalancer(@TempDir Path dir) throws IOException {
        GeneratedTerraform tf = GeneratedTerraform.of(GeneratedTerraform.write(dir, Map.of("main.tf", AZURE)), "aws");
        tf.assertValid();

        Block apex = tf.resource("aws_route53_record", "apex");
        assertThat(tf.text(apex, "zone_id")).isEqualTo("aws_route53_zone.shop.zone_id");
        assertThat(tf.text(apex, "name")).isEqualTo("aws_route53_zone.shop.name");
        assertThat(tf.text(apex, "type")).isEqualTo("\"A\"");
        assertThat(apex.body().attribute("ttl")).as("an alias record has no TTL").isNull();
        assertThat(apex.body().attribute("records")).isNull();
        Block alias = apex.body().blocks("alias").get(0);
        assertThat(tf.text(alias, "name")).isEqualTo("aws_lb.web.dns_name");
        assertThat(tf.text(alias, "zone_id")).isEqualTo("aws_lb.web.zone_id");
        assertThat(tf.text(alias, "evaluate_target_health")).isEqualTo("true");

        // a CNAME alias in Azure is an A alias in Route 53 (a CNAME cannot be an alias)
        Block www = tf.resource("aws_route53_record", "www");
        assertThat(tf.text(www, "type")).isEqualTo("\"A\"");
        assertThat(tf.text(www.body().blocks("alias").get(0), "name")).isEqualTo("aws_lb.web.dns_name");

        Block legacy = tf.resource("aws_route53_record", "legacy");
        assertThat(tf.text(legacy, "records")).isEqualTo("[\"20.50.1.10\", \"20.50.1.11\"]");
        assertThat(tf.text(legacy, "ttl")).isEqualTo("3600");
        assertThat(legacy.body().blocks("alias")).isEmpty();
        Block docs = tf.resource("aws_route53_record", "docs");
        assertThat(tf.text(docs, "type")).isEqualTo("\"CNAME\"");
        assertThat(tf.text(docs, "records")).isEqualTo("[\"docs.example.net\"]");

        // Front Door has no translation here: no guessed alias, a TODO instead
        Block cdn = tf.resource("aws_route53_record", "cdn");
        assertThat(cdn.body().blocks("alias")).isEmpty();
        assertThat(tf.output.todos()).anySatisfy(t -> {
            assertThat(t.address()).isEqualTo("azurerm_dns_cname_record.cdn");
            assertThat(t.reason()).contains("azurerm_cdn_frontdoor_endpoint.web");
        });
        assertThat(tf.text(tf.resource("aws_lb", "web"), "load_balancer_type")).isEqualTo("\"application\"");
        assertThat(tf.output.todos()).anySatisfy(t -> assertThat(t.address()).isEqualTo("azurerm_application_gateway.web"));
    }

    @Test
    void cloudDnsRecordsOnAGlobalAddressAliasTheTranslatedLoadBalancer(@TempDir Path dir) throws IOException {
        GeneratedTerraform tf = GeneratedTerraform.of(GeneratedTerraform.write(dir, Map.of("main.tf", GCP)), "aws");
        tf.assertValid();

        assertThat(tf.text(tf.resource("aws_route53_zone", "shop"), "name")).isEqualTo("\"shop.example.com\"");
        Block www = tf.resource("aws_route53_record", "www");
        // the zone's dns_name is known when the source is read: the name is the literal FQDN without the trailing dot
        assertThat(tf.text(www, "name")).isEqualTo("\"www.shop.example.com\"");
        assertThat(tf.text(www, "zone_id")).isEqualTo("aws_route53_zone.shop.zone_id");
        assertThat(www.body().attribute("ttl")).isNull();
        Block alias = www.body().blocks("alias").get(0);
        assertThat(tf.text(alias, "name")).isEqualTo("aws_lb.https.dns_name");
        assertThat(tf.text(alias, "zone_id")).isEqualTo("aws_lb.https.zone_id");

        Block mx = tf.resource("aws_route53_record", "mx");
        assertThat(tf.text(mx, "name")).isEqualTo("\"shop.example.com\"");
        assertThat(tf.text(mx, "type")).isEqualTo("\"MX\"");
        assertThat(tf.text(mx, "records")).isEqualTo("[\"10 mail.example.com.\"]");
        assertThat(tf.output.todos()).anySatisfy(t -> assertThat(t.address()).isEqualTo("google_compute_global_forwarding_rule.https"));
        assertThat(tf.output.todos()).noneSatisfy(t -> assertThat(t.address()).startsWith("google_dns_record_set"));
    }
}
