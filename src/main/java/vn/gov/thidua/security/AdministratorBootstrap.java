package vn.gov.thidua.security;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator (member of camunda-admin) from ADMIN_USER and ADMIN_PASSWORD. No password is in
 * the code: in the demo profile the administrator {@code admin} gets the demo password; elsewhere, without the
 * environment variables, no administrator is created and a warning says so. An existing administrator is left
 * untouched, so a password changed in the Admin webapp survives restarts.
 */
@Component
@Order(5)
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final IdentityService identityService;
    private final String username;
    private final String password;
    private final Optional<DefaultAdministrator> demo;

    AdministratorBootstrap(IdentityService identityService, @Value("${app.admin.username:}") String username,
                           @Value("${app.admin.password:}") String password, ObjectProvider<DefaultAdministrator> demo) {
        this.identityService = identityService;
        this.username = username;
        this.password = password;
        this.demo = Optional.ofNullable(demo.getIfAvailable());
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String id = username.isBlank() && demo.isPresent() ? demo.get().username() : username;
        String secret = password.isBlank() ? demo.map(DefaultAdministrator::password).orElse("") : password;
        if (id.isBlank() || secret.isBlank()) {
            log.warn("No administrator configured: set ADMIN_USER and ADMIN_PASSWORD to create one");
            return;
        }
        if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identityService.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Quản trị hệ thống");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identityService.saveGroup(group);
        }
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName("Quản trị");
            user.setLastName("viên");
            user.setPassword(secret);
            identityService.saveUser(user);
            identityService.createMembership(id, Groups.CAMUNDA_ADMIN);
            log.info("Administrator '{}' created", id);
        }
    }
}
