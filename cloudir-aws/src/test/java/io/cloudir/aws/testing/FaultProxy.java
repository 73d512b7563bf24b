package io.cloudir.aws.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A forwarding HTTP proxy in front of an unauthenticated S3Proxy that injects faults into object
 * reads (GET of a key): server errors, a body cut short after some bytes, or the object gone
 * ({@code 404 NoSuchKey}, as if deleted after it was listed). It also records the object GETs it
 * saw and the most that were in flight at once. Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  /**
   * Faults for one key: {@code errors} 500 responses, then {@code cuts} bodies cut after {@code
   * cutAt} bytes; or, when {@code gone}, every GET answered 404 NoSuchKey.
   */
  public static final class Fault {
    final AtomicInteger errors;
    final AtomicInteger cuts;
    final int cutAt;
    final boolean gone;

    /** Errors, then cut bodies. */
    public Fault(int errors, int cuts, int cutAt) {
      this(errors, cuts, cutAt, false);
    }

    private Fault(int errors, int cuts, int cutAt, boolean gone) {
      this.errors = new AtomicInteger(errors);
      this.cuts = new AtomicInteger(cuts);
      this.cutAt = cutAt;
      this.gone = gone;
    }

    /** The object is gone: every GET answers 404 NoSuchKey. */
    public static Fault gone() {
      return new Fault(0, 0, 0, true);
    }
  }

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI target;
  /** The faults by object key. */
  public final Map<String, Fault> faults = new ConcurrentHashMap<>();
  /** Every object GET seen: "key range" (range empty when none). */
  public final List<String> gets = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  /** The most object GETs in flight at once. */
  public final AtomicInteger maxInFlight = new AtomicInteger();

  /** A proxy in front of {@code target} (an endpoint without authentication). */
  public FaultProxy(URI target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fault-proxy");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  /** The proxy's endpoint. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The object GETs of a key. */
  public long getsOf(String key) {
    return gets.stream().filter(g -> g.startsWith(key + " ")).count();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    boolean objectGet = ex.getRequestMethod().equals("GET") && path.indexOf('/', 1) > 0
        && path.indexOf('/', 1) < path.length() - 1 && (query == null || query.startsWith("versionId="));
    String key = objectGet ? URI.create(path).getPath().substring(path.indexOf('/', 1) + 1) : "";
    Fault fault = objectGet ? faults.get(key) : null;
    if (objectGet) {
      String range = ex.getRequestHeaders().getFirst("Range");
      gets.add(key + " " + (range == null ? "" : range));
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
    }
    try (ex) {
      if (fault != null && fault.gone) {
        error(ex, 404, "NoSuchKey", "The specified key does not exist.");
        return;
      }
      if (fault != null && fault.errors.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        error(ex, 500, "InternalError", "injected");
        return;
      }
      HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI().toString()));
      ex.getRequestHeaders().forEach((name, values) -> {
        if (!RESTRICTED.contains(name.toLowerCase())) {
          values.forEach(v -> req.header(name, v));
        }
      });
      byte[] in = ex.getRequestBody().readAllBytes();
      req.method(ex.getRequestMethod(), in.length == 0
          ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(in));
      HttpResponse<InputStream> resp;
      try {
        resp = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      resp.headers().map().forEach((name, values) -> {
        if (!RESTRICTED.contains(name.toLowerCase()) && !name.startsWith(":")) {
          values.forEach(v -> ex.getResponseHeaders().add(name, v));
        }
      });
      byte[] body;
      try (InputStream b = resp.body()) {
        body = b.readAllBytes();
      }
      boolean head = ex.getRequestMethod().equals("HEAD");
      if (head) {
        resp.headers().firstValue("content-length")
            .ifPresent(v -> ex.getResponseHeaders().set("Content-Length", v));
        ex.sendResponseHeaders(resp.statusCode(), -1);
        return;
      }
      ex.sendResponseHeaders(resp.statusCode(), body.length == 0 ? -1 : body.length);
      OutputStream out = ex.getResponseBody();
      if (fault != null && resp.statusCode() / 100 == 2 && body.length > fault.cutAt
          && fault.cuts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        out.write(body, 0, fault.cutAt);
        out.flush();
        throw new IOException("injected cut"); // the exchange closes short of its length
      }
      out.write(body);
    } finally {
      if (objectGet) {
        inFlight.decrementAndGet();
      }
    }
  }

  /** Answers with an S3 error document. */
  private static void error(HttpExchange ex, int status, String code, String message)
      throws IOException {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code>"
        + "<Message>" + message + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/xml");
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
