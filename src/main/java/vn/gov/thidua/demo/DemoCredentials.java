package vn.gov.thidua.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.gov.thidua.security.DefaultAdministrator;

/**
 * The one password of the demo logins. It is never in the code: DEMO_PASSWORD when set, otherwise generated on the
 * first run and kept beside the demo database, so it stays the same across restarts and dies with the data.
 */
@Component
@ConditionalOnProperty(name = "app.demo.officers", havingValue = "true")
public class DemoCredentials implements DefaultAdministrator {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SPECIAL = "!@#%*-_";

    private final String password;

    DemoCredentials(@Value("${app.demo.password:${DEMO_PASSWORD:}}") String configured,
                    @Value("${app.data-dir}") String dataDir) {
        this.password = configured.isBlank() ? storedOrGenerated(Path.of(dataDir, "demo-password.txt")) : configured;
    }

    /** The demo's administrator, with the demo's password. */
    @Override
    public String username() {
        return "admin";
    }

    @Override
    public String password() {
        return password;
    }

    private static String storedOrGenerated(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String generated = generate();
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated + System.lineSeparator(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions apply
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the demo password in " + file, e);
        }
    }

    /** Meets Camunda's default password policy: 10+ characters with upper, lower, digit and special characters. */
    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder("Demo-");
        String[] classes = {UPPER, LOWER, DIGITS, SPECIAL};
        for (int i = 0; i < 12; i++) {
            String pool = classes[i % classes.length];
            password.append(pool.charAt(random.nextInt(pool.length())));
        }
        return password.toString();
    }
}
