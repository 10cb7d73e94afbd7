package dev.cloudshift.core.kb;

/**
 * vCPU and memory of one instance class / SKU, from the sizing tables in catalog/instance-types/.
 *
 * @param sku      the class as looked up ({@code db.t3.micro}, {@code Standard_B1ms}, {@code db-custom-2-7680})
 * @param vcpu     virtual CPUs (null when the table gives memory only, as for Redis cache sizes)
 * @param memoryGb memory in GiB
 */
public record InstanceSize(String sku, Number vcpu, Number memoryGb) {
}
