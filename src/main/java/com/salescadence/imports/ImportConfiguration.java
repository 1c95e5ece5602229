package com.salescadence.imports;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Multipart uploads (the only ones of the API are imports): a file may be as large as
 * cadence.import.max-bytes, a request may carry the three files of an import. Replaces Spring Boot's
 * spring.servlet.multipart defaults (1MB per file).
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    /** What a multipart import request may weigh: three files and their envelope (web.RequestSizeLimitFilter lets as much through). */
    static long maxRequestBytes(DataSize maxFile) {
        return 3 * maxFile.toBytes() + DataSize.ofMegabytes(1).toBytes();
    }

    @Bean
    MultipartConfigElement multipartConfigElement(ImportProperties properties) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(properties.maxBytes());
        factory.setMaxRequestSize(DataSize.ofBytes(maxRequestBytes(properties.maxBytes())));
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }
}
