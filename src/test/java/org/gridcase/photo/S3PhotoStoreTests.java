package org.gridcase.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The S3 adapter against a small fake S3 on the loopback (the JDK's own HTTP server): what requests it sends
 * (path-style addresses, the bucket, signed with the configured key) and how it reads the answers, a missing
 * object included. A real MinIO is not started here.
 */
class S3PhotoStoreTests {

    record Request(String method, String path, String contentType, String authorization) {
    }

    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    HttpServer server;
    S3PhotoStore store;

    @BeforeEach
    void startAFakeS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        var settings = new PhotoSettings.S3(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "gridcase-photos", "cn-north-1", "test-access-key", "test-secret-key", true);
        store = new S3PhotoStore(PhotoStoreConfiguration.s3Client(settings), "gridcase-photos");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void putsGetsAndDeletesObjectsInTheBucketPathStyleAndSigned() {
        String id = Photos.newId();

        store.put(id, new byte[] {7, 8, 9}, "image/jpeg");
        var read = store.get(id);
        store.delete(id);

        assertThat(read).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(7, 8, 9));
        assertThat(objects).isEmpty();
        assertThat(requests).extracting(Request::method).containsExactly("PUT", "GET", "DELETE");
        assertThat(requests).extracting(Request::path).containsOnly("/gridcase-photos/" + id);
        assertThat(requests.get(0).contentType()).isEqualTo("image/jpeg");
        assertThat(requests).allSatisfy(request -> assertThat(request.authorization())
                .startsWith("AWS4-HMAC-SHA256 Credential=test-access-key/").contains("/cn-north-1/s3/"));
    }

    @Test
    void findsNothingForAMissingObject() {
        assertThat(store.get(Photos.newId())).isEmpty();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization")));
        byte[] body = exchange.getRequestBody().readAllBytes();
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                objects.put(path, "STREAMING-AWS4-HMAC-SHA256-PAYLOAD".equals(
                        exchange.getRequestHeaders().getFirst("x-amz-content-sha256")) ? unchunked(body) : body);
                exchange.getResponseHeaders().add("ETag", "\"etag\"");
                exchange.sendResponseHeaders(200, -1);
            }
            case "GET" -> {
                byte[] object = objects.get(path);
                if (object == null) {
                    byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                            + "<Message>The specified key does not exist.</Message></Error>")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/xml");
                    exchange.sendResponseHeaders(404, error.length);
                    exchange.getResponseBody().write(error);
                } else {
                    exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
                    exchange.sendResponseHeaders(200, object.length);
                    exchange.getResponseBody().write(object);
                }
            }
            case "DELETE" -> {
                objects.remove(path);
                exchange.sendResponseHeaders(204, -1);
            }
            default -> exchange.sendResponseHeaders(405, -1);
        }
        exchange.close();
    }

    /**
     * The body of a signed streaming upload (aws-chunked, as the SDK sends over plain HTTP): chunks of
     * {@code hex-size;chunk-signature=...\r\n data \r\n}, the last one empty.
     */
    static byte[] unchunked(byte[] body) {
        var data = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(body, at);
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.substring(0, header.indexOf(';')), 16);
            if (size == 0) {
                return data.toByteArray();
            }
            data.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] body, int from) {
        for (int i = from; i < body.length - 1; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("No line end after " + from);
    }
}
