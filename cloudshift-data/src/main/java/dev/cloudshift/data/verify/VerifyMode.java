package dev.cloudshift.data.verify;

import java.util.Locale;

/** How deep verify looks: row counts only, push-down checksums with bisection, or every row compared. */
public enum VerifyMode {
    COUNT, CHECKSUM, ROWS;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
