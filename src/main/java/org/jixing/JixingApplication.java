package org.jixing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Jixing (技兴): subsidised vocational-skills training from plan to payment. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class JixingApplication {

    public static void main(String[] args) {
        SpringApplication.run(JixingApplication.class, args);
    }

}
