package dev.cloudshift.core.ingest.terraform;

import java.util.Collection;
import java.util.regex.Pattern;

/** Removes secret values and URL credentials from messages before they leave ingest. */
final class SecretScrubber {
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s:]+(:[^/@\\s]*)?@");

    private SecretScrubber() {
    }

    static String scrub(String message, Collection<String> secrets) {
        String m = URL_CREDENTIALS.matcher(message).replaceAll("<redacted>@");
        for (String s : secrets) {
            if (s.length() >= 3 && m.contains(s)) {
                m = m.replace(s, dev.cloudshift.hcl.eval.Value.REDACTED);
            }
        }
        return m;
    }
}
