package dev.cloudshift.core.plan;

/**
 * One file the planner read (or tried to read).
 *
 * @param path path relative to the project directory, with {@code /} separators
 * @param kind what it is
 */
public record InputFile(String path, Kind kind) {

    public enum Kind {
        TERRAFORM("terraform"),
        TFVARS("tfvars"),
        TERRAFORM_JSON("terraform-json"),
        COMPOSE("compose"),
        DOTENV("dotenv");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name used in plan.json. */
        public String label() {
            return label;
        }
    }
}
