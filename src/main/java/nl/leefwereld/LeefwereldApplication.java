package nl.leefwereld;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Leefwereld: one household, one plan, one director. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LeefwereldApplication {

    public static void main(String[] args) {
        SpringApplication.run(LeefwereldApplication.class, args);
    }
}
