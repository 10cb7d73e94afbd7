/**
 * Reads dotenv files ({@code .env}, {@code .env.<environment>}, {@code *.env} named by compose
 * {@code env_file}). {@link dev.cloudshift.core.ingest.dotenv.DotenvReader} is the entry point; every value is a
 * secret and leaves as a {@link dev.cloudshift.core.model.ConfigEntry} with a null value and a safe shape.
 * {@link dev.cloudshift.core.ingest.dotenv.VariableInterpolator} is the variable expansion shared with compose.
 */
package dev.cloudshift.core.ingest.dotenv;
