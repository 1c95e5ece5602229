package com.salescadence.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses request bodies of the product's API (/api) above {@code cadence.api.max-request-size} (default
 * 1MB), and of the engine's REST API (/engine-rest) above {@code cadence.engine-rest.max-request-size} (default 2MB:
 * a deployment of every model and form is about 0.4MB; issue 18: a rep stored 45MB of task variables in two calls) with 413, before authentication and before anything is read: at once when the declared
 * Content-Length is too big, and while reading when a body without one (chunked) grows too big. An upload
 * to POST /api/imports may carry three files of {@code cadence.import.max-bytes} (default 10MB) each; the
 * import refuses a single file above that limit itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final long importMaxBytes;
    private final long engineRestMaxBytes;
    private final ObjectMapper json;

    RequestSizeLimitFilter(@Value("${cadence.api.max-request-size:1MB}") DataSize maxSize,
                           @Value("${cadence.import.max-bytes:10MB}") DataSize importMaxFile,
                           @Value("${cadence.engine-rest.max-request-size:2MB}") DataSize engineRestMaxSize, ObjectMapper json) {
        this.maxBytes = maxSize.toBytes();
        this.engineRestMaxBytes = engineRestMaxSize.toBytes();
        this.importMaxBytes = 3 * importMaxFile.toBytes() + DataSize.ofMegabytes(1).toBytes();
        this.json = json;
    }

    private long limitFor(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/")) {
            return engineRestMaxBytes;
        }
        boolean upload = "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/api/imports");
        return upload ? Math.max(maxBytes, importMaxBytes) : maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            refuse(response, limit);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private void refuse(HttpServletResponse response, long limit) throws IOException {
        String message = message(limit);
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(),
                Map.of("status", HttpStatus.PAYLOAD_TOO_LARGE.value(), "error", message, "problems", java.util.List.of(message)));
    }

    static String message(long maxBytes) {
        return "The request body is larger than the " + DataSize.ofBytes(maxBytes).toKilobytes() + " KB this API accepts.";
    }

    /** Thrown while reading a body that grows past the limit; ApiErrors answers 413. */
    static final class TooLarge extends IOException {
        final long maxBytes;

        TooLarge(long maxBytes) {
            super(message(maxBytes));
            this.maxBytes = maxBytes;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > maxBytes) {
                            throw new TooLarge(maxBytes);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding()));
        }
    }
}
