package dev.cloudshift.core.cost.sizing;

/**
 * The target SKU chosen for one resource, with the reason shown to the user; feeds the Terraform translation.
 *
 * @param address   source resource address
 * @param sourceSku source size as written ({@code db.m5.large}, {@code 0.5 vCPU / 1 GiB})
 * @param targetSku chosen target SKU ({@code GP_Standard_D2s_v3})
 * @param reason    why, for example {@code 2 vCPU / 8 GiB -> GP_Standard_D2s_v3: nearest >= vCPU and memory in
 *                  GeneralPurpose}
 */
public record SizingDecision(String address, String sourceSku, String targetSku, String reason) {
}
