package org.gridcase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GridcaseApplication {

    public static void main(String[] args) {
        SpringApplication.run(GridcaseApplication.class, args);
    }
}
