package com.salescadence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.salescadence.common.TimeZoneSetting;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SalesCadenceApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(SalesCadenceApplication.class);
        app.addListeners(new TimeZoneSetting());
        app.run(args);
    }
}
