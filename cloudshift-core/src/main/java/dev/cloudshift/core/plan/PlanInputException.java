package dev.cloudshift.core.plan;

/**
 * The project cannot be planned as asked: the path does not exist, nothing in it could be read, or an
 * environment filter names an unknown environment. The message is for the user: it names the place and
 * what to do, and never carries a secret.
 */
public class PlanInputException extends RuntimeException {

    public PlanInputException(String message) {
        super(message);
    }
}
