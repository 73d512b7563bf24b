package io.cloudir.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;

/**
 * A local HTTP server that answers AWS API calls with replayed responses in the services' own
 * wire formats (JSON 1.1 for CloudTrail, CloudWatch Logs and Organizations; the Query protocol's
 * XML for IAM). The operation is the {@code X-Amz-Target} suffix or the {@code Action} form
 * parameter. Scripted replies are used first, in order; then the operation's handler.
 */
final class ReplayServer implements AutoCloseable {
  record Reply(int status, String contentType, String body, Map<String, String> headers) {
    static Reply json(String body) {
      return new Reply(200, "application/x-amz-json-1.1", body, Map.of());
    }

    static Reply xml(String body) {
      return new Reply(200, "text/xml", body, Map.of());
    }

    static Reply jsonError(int status, String type, String message) {
      return new Reply(status, "application/x-amz-json-1.1",
          "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}",
          Map.of("x-amzn-ErrorType", type));
    }

    static Reply xmlError(int status, String code, String message) {
      return new Reply(status, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>" + code
          + "</Code><Message>" + message + "</Message></Error><RequestId>r-1</RequestId></ErrorResponse>",
          Map.of());
    }
  }

  /** A request seen: operation and body. */
  record Seen(String operation, String body) {}

  private final HttpServer server;
  private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
  private final Map<String, Function<String, Reply>> handlers = new ConcurrentHashMap<>();
  final List<Seen> seen = new CopyOnWriteArrayList<>();

  ReplayServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Replies to the next calls of an operation, in order. */
  ReplayServer script(String operation, Reply... replies) {
    scripted.computeIfAbsent(operation, k -> new ArrayDeque<>()).addAll(List.of(replies));
    return this;
  }

  /** Replies to every further call of an operation from its request body. */
  ReplayServer handle(String operation, Function<String, Reply> handler) {
    handlers.put(operation, handler);
    return this;
  }

  List<String> bodies(String operation) {
    return seen.stream().filter(s -> s.operation().equals(operation)).map(Seen::body).toList();
  }

  /** Configures an SDK client builder for this server, without the SDK's own retries. */
  <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
    return builder.endpointOverride(endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
      String op;
      if (target != null) {
        op = target.substring(target.lastIndexOf('.') + 1);
      } else {
        op = "?";
        for (String kv : body.split("&")) {
          if (kv.startsWith("Action=")) {
            op = URLDecoder.decode(kv.substring(7), StandardCharsets.UTF_8);
          }
        }
      }
      seen.add(new Seen(op, body));
      Deque<Reply> q = scripted.get(op);
      Reply r = null;
      if (q != null) {
        synchronized (q) {
          r = q.poll();
        }
      }
      if (r == null) {
        Function<String, Reply> h = handlers.get(op);
        r = h == null ? Reply.jsonError(400, "UnknownOperationException", "no reply for " + op)
            : h.apply(body);
      }
      byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", r.contentType());
      ex.getResponseHeaders().add("x-amzn-RequestId", "req-" + seen.size());
      r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      ex.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
      ex.getResponseBody().write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
