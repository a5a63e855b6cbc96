package nl.leefwereld.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exactly-once API writes: a {@code POST /api/v1/**} with an {@code Idempotency-Key} header is processed once per
 * municipality + user + key. The same key with the same body replays the stored answer (status, body, Location) for
 * 24 hours; with another body it is refused (422); while the first request is still running a repeat waits up to
 * {@link #WAIT_MILLIS} ms and then answers 409. Without the header nothing changes. Runs after Spring Security (a
 * plain servlet filter bean comes after the security filter chain), so only authenticated, authorised requests claim keys.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    static final long WAIT_MILLIS = 3000;
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final IdempotencyStore store;
    private final JsonMapper json;

    IdempotencyFilter(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentUser> me = CurrentUsers.find();
        if (me.isEmpty()) {
            chain.doFilter(request, response); // not signed in: security answers, nothing to remember
            return;
        }
        String key = request.getHeader(HEADER);
        if (!validKey(key)) {
            problem(response, 400, "Ongeldige Idempotency-Key", "De Idempotency-Key moet 1 tot 255 leesbare tekens zijn (ASCII, zonder regeleinden).",
                    "invalid-idempotency-key", Map.of(HEADER, "Gebruik 1 tot 255 leesbare tekens, bijvoorbeeld een UUID."));
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problem(response, 413, "Verzoek te groot", "Het verzoek is groter dan 1 MB.", "too-large", null);
            return;
        }
        String m = me.get().municipalityCode();
        var userId = me.get().id();
        String hash = hash(request, body);
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (true) {
            IdempotencyStore.Claim claim = store.claim(m, userId, key, hash);
            if (claim instanceof IdempotencyStore.Claim.Claimed) {
                process(new CachedBodyRequest(request, body), response, chain, m, userId, key);
                return;
            }
            if (claim instanceof IdempotencyStore.Claim.Replay replay) {
                replay(response, replay.stored());
                return;
            }
            if (claim instanceof IdempotencyStore.Claim.Mismatch) {
                problem(response, 422, "Idempotency-Key al gebruikt", "Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel.",
                        "idempotency-key-reused", null);
                return;
            }
            if (System.nanoTime() > deadline) {
                problem(response, 409, "Verzoek wordt al verwerkt", "Een verzoek met deze Idempotency-Key wordt al verwerkt. Probeer het zo opnieuw.",
                        "idempotency-in-progress", null);
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problem(response, 409, "Verzoek wordt al verwerkt", "Een verzoek met deze Idempotency-Key wordt al verwerkt. Probeer het zo opnieuw.",
                        "idempotency-in-progress", null);
                return;
            }
        }
    }

    private void process(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String m, java.util.UUID userId, String key)
            throws ServletException, IOException {
        ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, caching);
            int status = caching.getStatus();
            if (status < 500) {
                store.complete(m, userId, key, status, caching.getContentType(), caching.getHeader(HttpHeaders.LOCATION), caching.getContentAsByteArray());
                stored = true;
            }
        } finally {
            if (!stored) {
                store.release(m, userId, key); // a failure is not an answer: the client may retry with the same key
            }
            caching.copyBodyToResponse();
        }
    }

    private static void replay(HttpServletResponse response, IdempotencyStore.Stored s) throws IOException {
        response.setStatus(s.status());
        if (s.contentType() != null) {
            response.setContentType(s.contentType());
        }
        if (s.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, s.location());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = s.body() == null ? new byte[0] : s.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static boolean validKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.isBlank()) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            sha.update(target.getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void problem(HttpServletResponse response, int status, String title, String detail, String type, Map<String, String> errors)
            throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "https://leefwereld.nl/problemen/" + type);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        if (errors != null) {
            p.put("errors", errors);
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(p));
    }

    /** The request with its body read once, so the key can be hashed and the handler still reads it. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(enc)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
