package com.salescadence.imports;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The import page, static/import/index.html, at /import/. */
@Configuration(proxyBeanMethods = false)
class ImportPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/import", "/import/");
        registry.addViewController("/import/").setViewName("forward:/import/index.html");
    }
}
