package vn.gov.thidua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ThiduaApplication {

    public static void main(String[] args) {
        SpringApplication.run(ThiduaApplication.class, args);
    }
}
