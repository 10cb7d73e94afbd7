package dev.cloudshift.data.copy;

/**
 * A value the target cannot hold (a zero date, a number out of range). The message is the reason written to the
 * reject file: it must describe the problem without quoting the value.
 */
public class ValueRejectedException extends Exception {
    public ValueRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
