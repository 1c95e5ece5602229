package com.salescadence.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard pages (static files under {@code static/dashboard/}, charts by the ECharts webjar) open at
 * /dashboard/; they read /api/metrics and /api/snapshots with the caller's Tasklist sign-in or HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/dashboard", "/dashboard/").setKeepQueryParams(true);
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }
}
