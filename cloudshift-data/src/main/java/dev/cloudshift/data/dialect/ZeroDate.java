package dev.cloudshift.data.dialect;

/**
 * A MySQL/MariaDB "zero" date or datetime such as {@code 0000-00-00} or {@code 2024-00-15}, which no other
 * database can store. Cast rules turn it into NULL or reject the row.
 *
 * @param text the value as the server printed it
 */
public record ZeroDate(String text) {
}
