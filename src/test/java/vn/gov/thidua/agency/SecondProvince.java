package vn.gov.thidua.agency;

import org.springframework.context.ApplicationContext;
import vn.gov.thidua.demo.DemoOfficers;

/** Hưng Yên's test directory (it has communes, Thái Bình's file has none) and its officers, for tests of other packages. */
public final class SecondProvince {

    public static final String HUNG_YEN = "classpath:directory/test-hung-yen.yaml";

    private SecondProvince() {
    }

    public static void load(ApplicationContext context) throws Exception {
        context.getBean(DirectorySeeder.class).load(HUNG_YEN);
        context.getBean(DemoOfficers.class).run(null);
    }
}
