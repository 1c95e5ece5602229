package com.salescadence.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The multipart request Camunda Modeler sends to {@code POST /engine-rest/deployment/create} for "Deploy". */
public final class ModelerUpload {

    private ModelerUpload() {
    }

    public static HttpEntity<MultiValueMap<String, Object>> of(String name, boolean changedOnly, Map<String, String> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("deploy-changed-only", String.valueOf(changedOnly));
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        files.forEach((file, content) -> parts.add(file, new HttpEntity<>(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return file;
            }
        }, fileHeaders)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }
}
