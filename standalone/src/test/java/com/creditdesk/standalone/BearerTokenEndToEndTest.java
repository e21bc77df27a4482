package com.creditdesk.standalone;

import com.creditdesk.standalone.CreditDeskStandalone.Settings;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production alternative to configured users: OAuth2 bearer tokens (JWT, RS256) checked against
 * the issuer's public key, roles from the token's {@code roles} claim, the user's name on every event.
 */
class BearerTokenEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KeyPair issuer;
    private static CreditDeskStandalone app;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        issuer = generator.generateKeyPair();
        Path publicKey = Files.createTempFile("issuer", ".pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(issuer.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        app = CreditDeskStandalone.start(new Settings(RunningCreditDesk.tempDir(), "127.0.0.1", 0, 0, 0,
                Map.of("spring.security.oauth2.resourceserver.jwt.public-key-location", publicKey.toUri().toString())));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String token(PrivateKey key, String user, List<String> roles, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString())
                .claim("preferred_username", user).claim("roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static HttpResponse<String> post(int port, String path, String token, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String account(String customerId) {
        return "{\"customerId\":\"" + customerId + "\",\"name\":\"Bakkerij " + customerId + "\",\"segment\":\"SMB\","
                + "\"currency\":\"EUR\",\"accountManager\":\"sales1\",\"language\":\"nl\"}";
    }

    @Test
    void aTokensRolesDecideAndItsUserIsRecorded() throws Exception {
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
        String c = "C-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> opened = post(app.commandPort(), "/api/accounts",
                token(issuer.getPrivate(), "erp-gateway", List.of("INTEGRATION"), inAnHour), account(c));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);

        HttpResponse<String> sales = post(app.commandPort(), "/api/accounts",
                token(issuer.getPrivate(), "someone", List.of("SALES"), inAnHour), account("C-other"));
        assertThat(sales.statusCode()).isEqualTo(403);
        assertThat(sales.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        // a command sent to the query side: the path is not there, whatever the token's roles
        HttpResponse<String> wrongSide = post(app.queryPort(), "/api/accounts",
                token(issuer.getPrivate(), "erp-gateway", List.of("INTEGRATION"), inAnHour), account("C-other"));
        assertThat(wrongSide.statusCode()).as(wrongSide.body()).isEqualTo(404);
        assertThat(wrongSide.body()).contains("query side");

        Api queries = new Api(app.queryPort());
        await().atMost(Duration.ofSeconds(15)).until(() -> queries.get("analyst1", "/api/accounts/" + c + "/timeline")
                .body().contains("\"actor\":\"erp-gateway\""));
    }

    @Test
    void aForgedOrExpiredTokenIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey forger = generator.generateKeyPair().getPrivate();
        String c = "C-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> forged = post(app.commandPort(), "/api/accounts",
                token(forger, "erp-gateway", List.of("INTEGRATION"), Instant.now().plusSeconds(3600)), account(c));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> expired = post(app.commandPort(), "/api/accounts",
                token(issuer.getPrivate(), "erp-gateway", List.of("INTEGRATION"), Instant.now().minusSeconds(3600)),
                account(c));
        assertThat(expired.statusCode()).isEqualTo(401);
    }
}
