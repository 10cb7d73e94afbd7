package dev.cloudshift.cli;

import java.util.List;
import java.util.Map;

/**
 * A database user and password for {@code data copy} and {@code data verify}: an explicit user option wins over
 * the default user variables, a {@code --...-password-env} option names the password variable (which must then be
 * set), else the default password variables are tried in order. No message ever shows the password.
 */
record DatabaseCredentials(String user, String password) {

    /**
     * @param option        the password option's name, for the error when its variable is unset
     * @param userVars      default user variables, first set one wins
     * @param passwordVars  default password variables, first set one wins
     */
    static DatabaseCredentials resolve(Map<String, String> environment, String user, String passwordEnv,
                                       String option, List<String> userVars, List<String> passwordVars) {
        String u = user != null ? user : first(environment, userVars);
        String password;
        if (passwordEnv != null) {
            password = environment.get(passwordEnv);
            if (password == null) {
                throw CliException.usage(option + ": environment variable " + passwordEnv
                        + " is not set; export it or drop the option");
            }
        } else {
            password = first(environment, passwordVars);
        }
        return new DatabaseCredentials(u, password);
    }

    private static String first(Map<String, String> environment, List<String> names) {
        for (String name : names) {
            String v = environment.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
