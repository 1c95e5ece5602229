package com.salescadence.people;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The people page (static/people/, administrators) at /people/ and the set-password page (static/password/) at /password/. */
@Configuration(proxyBeanMethods = false)
class PeoplePages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/people", "/people/").setKeepQueryParams(true);
        registry.addViewController("/people/").setViewName("forward:/people/index.html");
        registry.addRedirectViewController("/password", "/password/");
        registry.addViewController("/password/").setViewName("forward:/password/index.html");
    }
}
