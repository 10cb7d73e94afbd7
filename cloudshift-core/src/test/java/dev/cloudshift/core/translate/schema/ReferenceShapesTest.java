package dev.cloudshift.core.translate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.HclParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceShapesTest {

    @Test
    void aScalarArgumentReferencedWhereAListIsExpectedIsReported() {
        List<SchemaProblem> p = ReferenceShapes.check(HclParser.parseOrThrow("n.tf", """
                resource "google_service_networking_connection" "psa" {
                  network                 = google_compute_network.main.id
                  service                 = "servicenetworking.googleapis.com"
                  reserved_peering_ranges = google_compute_global_address.private_services.name
                }

                resource "google_compute_target_https_proxy" "cdn" {
                  name             = "cdn"
                  url_map          = google_compute_url_map.cdn.id
                  ssl_certificates = [google_compute_managed_ssl_certificate.cdn.id]
                }

                resource "aws_db_subnet_group" "db" {
                  subnet_ids = aws_subnet.private[0].cidr_block
                }
                """));
        assertThat(p).extracting(Object::toString).containsExactly(
                "n.tf:4:29: google_service_networking_connection.psa: \"reserved_peering_ranges\" expects a list, "
                        + "not the string reference google_compute_global_address.private_services.name",
                "n.tf:14:16: aws_db_subnet_group.db: \"subnet_ids\" expects a set, not the string reference "
                        + "aws_subnet.private[0].cidr_block");
    }

    @Test
    void listValuedAndComputedReferencesAreLeftAlone() {
        assertThat(ReferenceShapes.check(HclParser.parseOrThrow("n.tf", """
                resource "aws_db_subnet_group" "db" {
                  subnet_ids = aws_vpc.main.ipv6_cidr_block_network_border_groups
                }

                resource "google_compute_firewall" "web" {
                  name          = "web"
                  network       = "default"
                  source_ranges = var.ranges
                  allow {
                    protocol = "tcp"
                    ports    = google_compute_network.main.gateway_ipv4
                  }
                }
                """))).isEmpty();
    }
}
