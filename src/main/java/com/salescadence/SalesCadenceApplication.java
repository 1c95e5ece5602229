package com.salescadence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SalesCadenceApplication {

    public static void main(String[] args) {
        // the time zone is set by common.TimeZoneSetting, registered in META-INF/spring.factories
        SpringApplication.run(SalesCadenceApplication.class, args);
    }
}
