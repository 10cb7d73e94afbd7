/**
 * Provider schemas as data: the resource types, arguments (required or optional, coarse type) and nested blocks
 * of the target Terraform providers (catalog/provider-schemas/*.yaml, generated from the providers' published
 * schemas by tools/provider-schemas/extract.py), and the check of generated blocks against them.
 */
package dev.cloudshift.core.translate.schema;
