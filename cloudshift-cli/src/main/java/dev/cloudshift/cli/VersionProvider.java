package dev.cloudshift.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven wrote into cloudshift-version.properties at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/cloudshift-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"cloudshift " + p.getProperty("version", "unknown")};
    }
}
