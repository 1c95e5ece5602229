package com.salescadence.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls of the REST API as a test person (HTTP Basic, password {@link TestOrganization#PASSWORD}) that expect a status. */
public final class RestCalls {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() { };

    private RestCalls() {
    }

    /** The JSON object answered to {@code method path} with {@code body} (null: none), after checking the status. */
    public static Map<String, Object> call(TestRestTemplate http, String user, HttpMethod method, String path, Object body,
                                           HttpStatus expected) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange(path, method, body == null ? null : json(body), JSON);
        assertThat(response.getStatusCode()).as(method + " " + path + " as " + user + ": " + response.getBody()).isEqualTo(expected);
        return response.getBody();
    }

    /** The JSON list answered to {@code GET path}, which must be 200. */
    public static List<Map<String, Object>> list(TestRestTemplate http, String user, String path) {
        ResponseEntity<List<Map<String, Object>>> response = http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange(path, HttpMethod.GET, null, JSON_LIST);
        assertThat(response.getStatusCode()).as("GET " + path + " as " + user).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** A JSON request body. */
    public static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    /**
     * The numbers of an answered JSON object as plain decimal texts without trailing zeros (120000.00 -> "120000", 150.0 ->
     * "150", 37.5 -> "37.5"), to compare figures exactly whatever JSON made of them.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, String> figures(Object object) {
        Map<String, String> figures = new HashMap<>();
        ((Map<String, Object>) object).forEach((name, value) -> {
            if (value instanceof Number number) {
                figures.put(name, new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
            }
        });
        return figures;
    }
}
