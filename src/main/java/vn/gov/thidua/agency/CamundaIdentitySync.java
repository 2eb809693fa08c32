package vn.gov.thidua.agency;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's identity (groups, users, memberships) and the routing of open tasks in step with the directory.
 * It runs inside the directory's transaction, so a refused change leaves neither side touched.
 */
@Component
class CamundaIdentitySync {

    private static final int TASK_PAGE = 500;

    private final IdentityService identityService;
    private final TaskService taskService;

    CamundaIdentitySync(IdentityService identityService, TaskService taskService) {
        this.identityService = identityService;
        this.taskService = taskService;
    }

    void upsertGroup(Agency agency) {
        Group group = identityService.createGroupQuery().groupId(agency.getCode()).singleResult();
        if (group == null) {
            group = identityService.newGroup(agency.getCode());
        }
        group.setName(agency.getName());
        // Admin shows the type as it is: the kind's Vietnamese name ("Sở, ban, ngành"), not the enum (DEPARTMENT)
        group.setType(agency.getKind().label());
        identityService.saveGroup(group);
    }

    /**
     * Gives the groups of these agencies the name and type {@link #upsertGroup} would: groups saved before the kinds
     * had Vietnamese names still read DEPARTMENT in Admin. Returns how many changed.
     */
    int describeGroups(List<Agency> agencies) {
        Map<String, Group> groups = identityService.createGroupQuery().list().stream()
                .collect(Collectors.toMap(Group::getId, group -> group));
        int changed = 0;
        for (Agency agency : agencies) {
            Group group = groups.get(agency.getCode());
            if (group != null && !(agency.getName().equals(group.getName()) && agency.getKind().label().equals(group.getType()))) {
                upsertGroup(agency);
                changed++;
            }
        }
        return changed;
    }

    /**
     * Gives these officers' users the whole name as one first name, as {@link #upsertUser} does: users saved before
     * read "Cán bộ Sở Giáo dục và Đào" / "tạo" in Admin. Passwords and e-mail addresses stay. Returns how many changed.
     */
    int describeUsers(List<Officer> officers) {
        Map<String, User> users = identityService.createUserQuery().list().stream()
                .collect(Collectors.toMap(User::getId, user -> user));
        int changed = 0;
        for (Officer officer : officers) {
            User user = users.get(officer.getUsername());
            if (user == null) {
                continue;
            }
            String first = user.getFirstName();
            String last = user.getLastName();
            describe(user, officer.getFullName(), user.getEmail());
            if (!(user.getFirstName().equals(first) && user.getLastName().equals(last == null ? "" : last))) {
                identityService.saveUser(user);
                changed++;
            }
        }
        return changed;
    }

    boolean userExists(String username) {
        return identityService.createUserQuery().userId(username).count() > 0;
    }

    /** Creates or updates the user; {@code password} null keeps the current one. */
    void upsertUser(Officer officer, String password) {
        User user = identityService.createUserQuery().userId(officer.getUsername()).singleResult();
        if (user == null) {
            user = identityService.newUser(officer.getUsername());
        }
        describe(user, officer.getFullName(), officer.getEmail());
        if (password != null) {
            user.setPassword(password);
        }
        identityService.saveUser(user);
    }

    /** The user as {@link #upsertUser} would save it, unsaved: what the password policy is checked against. */
    User candidate(String username, String fullName, String email) {
        return describe(identityService.newUser(username), fullName, email);
    }

    private static User describe(User user, String fullName, String email) {
        // The whole name as the directory writes it ("Cán bộ Sở Giáo dục và Đào tạo", "Nguyễn Văn An"), which Admin
        // shows as "Họ và tên": split at its last space, an officer's title read "Cán bộ Sở Giáo dục và Đào" / "tạo"
        user.setFirstName(fullName.trim());
        user.setLastName("");
        user.setEmail(email);
        return user;
    }

    void deleteUser(String username) {
        identityService.deleteUser(username);
    }

    /** Makes the user's memberships of agency groups exactly the officer's agencies; other groups (administrators) stay. */
    void syncMemberships(Officer officer, Predicate<String> isDirectoryAgency) {
        List<Group> current = identityService.createGroupQuery().groupMember(officer.getUsername()).list();
        for (Group group : current) {
            if (!officer.getAgencyCodes().contains(group.getId()) && isDirectoryAgency.test(group.getId())) {
                identityService.deleteMembership(officer.getUsername(), group.getId());
            }
        }
        for (String code : officer.getAgencyCodes()) {
            if (current.stream().noneMatch(group -> group.getId().equals(code))) {
                identityService.createMembership(officer.getUsername(), code);
            }
        }
    }

    void moveMembership(String username, String from, String to) {
        identityService.deleteMembership(username, from);
        if (identityService.createGroupQuery().groupMember(username).groupId(to).count() == 0) {
            identityService.createMembership(username, to);
        }
    }

    /** Re-routes every open task offered to {@code from} (claimed or not) to {@code to}; returns how many moved. */
    int moveOpenTasks(String from, String to) {
        int moved = 0;
        List<Task> page;
        do {
            // Each moved task leaves the query's result, so the first page is always the next one
            page = taskService.createTaskQuery().taskCandidateGroup(from).includeAssignedTasks()
                    .orderByTaskId().asc().listPage(0, TASK_PAGE);
            for (Task task : page) {
                taskService.deleteGroupIdentityLink(task.getId(), from, IdentityLinkType.CANDIDATE);
                taskService.addCandidateGroup(task.getId(), to);
                moved++;
            }
        } while (page.size() == TASK_PAGE);
        return moved;
    }

    long openTaskCount(String groupId) {
        return taskService.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks().count();
    }
}
