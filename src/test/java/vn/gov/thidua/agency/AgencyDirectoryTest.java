package vn.gov.thidua.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.thidua.support.ProductTest;

@ProductTest
class AgencyDirectoryTest {

    private static final List<String> SEED_000_RECIPIENTS = List.of("vp-ubnd", "so-noi-vu", "thanh-tra", "so-tu-phap",
            "so-tai-chinh", "so-cong-thuong", "so-gtvt", "so-nnptnt", "so-xay-dung", "so-tnmt", "so-khdt", "bql-kkt",
            "so-gddt", "so-khcn", "so-y-te", "so-vhttdl", "so-ldtbxh", "so-tttt", "ubnd-hung-ha", "ubnd-quynh-phu",
            "ubnd-dong-hung", "ubnd-kien-xuong", "ubnd-thai-thuy", "ubnd-tien-hai", "ubnd-vu-thu", "ubnd-tp-thai-binh",
            "hiep-hoi-dn");

    @Autowired
    AgencyDirectory directory;
    @Autowired
    IdentityService identityService;
    @Autowired
    DirectorySeeder seeder;

    @Test
    void workedExampleDirectory_holdsTheDispatchRecipientsAndTheDecisionMakers() {
        assertThat(SEED_000_RECIPIENTS).hasSize(27);
        assertThat(directory.all()).extracting(Agency::getCode)
                .containsAll(SEED_000_RECIPIENTS)
                .contains("btdkt", "chu-tich-ubnd", "cong-an-tinh", "vp-tinh-uy");
        assertThat(directory.require("so-tttt").getName()).isEqualTo("Sở Thông tin và Truyền thông");
        assertThat(directory.require("ubnd-dong-hung").getKind()).isEqualTo(AgencyKind.DISTRICT);
        assertThat(directory.require("btdkt").getParentCode()).isEqualTo("so-noi-vu");
    }

    @Test
    void everyAgencyIsACamundaGroup_andItsDemoOfficerAUserInIt() {
        for (String code : SEED_000_RECIPIENTS) {
            Group group = identityService.createGroupQuery().groupId(code).singleResult();
            assertThat(group).as("group %s", code).isNotNull();
            assertThat(group.getName()).isEqualTo(directory.require(code).getName());
            assertThat(identityService.createUserQuery().userId("cb." + code).memberOfGroup(code).count())
                    .as("demo officer of %s", code).isEqualTo(1);
        }
        assertThat(identityService.checkPassword("cb.btdkt", "Test-Passw0rd!")).isTrue();
        assertThat(identityService.checkPassword("cb.btdkt", "wrong-password")).isFalse();
        // a failed attempt starts the engine's login throttling; later tests sign in as the Board
        identityService.unlockUser("cb.btdkt");
    }

    @Test
    void groupsAndUsersSavedByOlderVersions_getTheDirectorysKindNamesAndWholeNames_atStartUp() throws Exception {
        // as an older version saved them: the kind's enum as the type, the name split at its last space
        Group group = identityService.createGroupQuery().groupId("so-gddt").singleResult();
        group.setType("DEPARTMENT");
        identityService.saveGroup(group);
        User user = identityService.createUserQuery().userId("cb.so-gddt").singleResult();
        user.setFirstName("Cán bộ Sở Giáo dục và Đào");
        user.setLastName("tạo");
        identityService.saveUser(user);

        seeder.run(null);

        assertThat(identityService.createGroupQuery().groupId("so-gddt").singleResult().getType())
                .isEqualTo(AgencyKind.DEPARTMENT.label());
        User described = identityService.createUserQuery().userId("cb.so-gddt").singleResult();
        assertThat(described.getFirstName()).isEqualTo("Cán bộ Sở Giáo dục và Đào tạo");
        assertThat(described.getLastName()).isEmpty();
        assertThat(identityService.checkPassword("cb.so-gddt", "Test-Passw0rd!")).as("the password stays").isTrue();
    }
}
