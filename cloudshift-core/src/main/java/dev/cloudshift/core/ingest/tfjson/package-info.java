/**
 * Reads the JSON that {@code terraform show -json} prints for a saved plan or for a state, as an
 * alternative to reading HCL. {@link dev.cloudshift.core.ingest.tfjson.TerraformJsonReader} is the entry point.
 */
package dev.cloudshift.core.ingest.tfjson;
