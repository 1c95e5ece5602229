package com.salescadence.pipeline.deal.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The deal pages (static files under {@code static/deals/}, sharing the dashboard's texts, formats and styles): the board
 * and list at /deals/, one deal at /deals/deal.html?id=N; they read /api/deals with the Tasklist sign-in.
 */
@Configuration(proxyBeanMethods = false)
class DealPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/deals", "/deals/").setKeepQueryParams(true);
        registry.addViewController("/deals/").setViewName("forward:/deals/index.html");
    }
}
