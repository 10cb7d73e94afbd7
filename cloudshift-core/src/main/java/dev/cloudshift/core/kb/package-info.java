/**
 * The service knowledge base: what each resource type is, how its raw Terraform/compose attributes become the
 * agreed normalised attributes, and what it becomes on another cloud. All knowledge is data under
 * {@code catalog/} (see docs/knowledge-base.md); this package only reads, validates and answers.
 *
 * <pre>{@code
 * KnowledgeBase kb = KnowledgeBase.load();               // classpath catalog, validated, cached
 * Normalised n = kb.normaliseChecked(resource);          // category + attributes; problems for unknown types
 * Resource r = n.resource();
 * String name = kb.serviceName(r);                       // "RDS PostgreSQL"
 * MappingResult m = kb.map(r, "azure");                  // Mapped(service, resourceTypes, notes, alternatives, absorbedBy)
 *                                                        // or Unmapped(reason)
 * kb.instanceSize("aws", "db.m5.large");                 // vCPU and memory from the sizing tables
 * kb.providerTypes("azure");                             // valid azurerm/azuread resource types
 * kb.recordedMappings("aws_db_instance", "gcp");         // every variant, for coverage and translation
 * }</pre>
 */
package dev.cloudshift.core.kb;
