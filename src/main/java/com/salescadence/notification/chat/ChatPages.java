package com.salescadence.notification.chat;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The chat channels page (static/chat/): everyone's own choice of mail, chat or both, and the administrators' team
 * robots; it reads /api/me/notification-channels, /api/chat-channels and /api/notification-channels with the Tasklist sign-in.
 */
@Configuration(proxyBeanMethods = false)
class ChatPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/chat", "/chat/").setKeepQueryParams(true);
        registry.addViewController("/chat/").setViewName("forward:/chat/index.html");
    }
}
