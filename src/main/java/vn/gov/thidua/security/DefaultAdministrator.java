package vn.gov.thidua.security;

/**
 * The first administrator's login where the configuration names none: the demo gives its own (demo/DemoCredentials),
 * so security needs nothing from the demo's package.
 */
public interface DefaultAdministrator {

    String username();

    String password();
}
