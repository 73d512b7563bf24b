package io.cloudir.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Inputs for the CloudTrail benchmarks, as the bytes of one CloudTrail delivery file
 * {@code {"Records":[...]}} in AWS's compact form (no whitespace).
 *
 * <p>{@link #generate(long, int)} builds a deterministic, realistic file: for a given seed and size
 * the bytes are always the same. The mix: API calls by assumed roles (ASIA keys, session context
 * with issuer and attributes, sometimes {@code sourceIdentity} and {@code ec2RoleDelivery}), IAM
 * users (AKIA keys), AWS services ({@code invokedBy}, service host or {@code AWS Internal} as
 * source), the root user, federated users, web-identity users and IAM Identity Center users; console
 * sign-ins; service events; S3 and Lambda data events with {@code resources}; errors
 * ({@code AccessDenied} and friends with messages); request parameters with policy documents
 * escaped inside strings; nested response elements; TLS details, VPC endpoints, shared event IDs;
 * user agents with spaces, parentheses, brackets, quotes and non-ASCII; 20 regions and about 50
 * event source/name pairs drawn with realistic weights. Temporary credentials live as sessions do:
 * a principal's calls reuse one of its live keys (95 %, with the same session name, creation
 * date, source identity and, for 90 % of its calls, source address) until it is an hour old, and
 * keys minted by {@code AssumeRole} sign later calls of the assumed role — so identity attribution
 * sees realistic key reuse and minting events (about 8.5 calls per key in a 16 MiB file; the
 * invictus attack dataset averages 21) instead of a new key per call.
 *
 * <p>{@link #corpus(Path, int)} concatenates the real records of the shared CloudTrail corpus.
 *
 * <p>Thread-safe: all methods are static and share no mutable state.
 */
public final class CloudTrailData {

  /** Default size of a generated input: 50 MiB. */
  public static final int DEFAULT_SIZE = 50 << 20;

  /** Default size of the corpus input: 10 MiB (the corpus is repeated until reached). */
  public static final int DEFAULT_CORPUS_SIZE = 10 << 20;

  /** Default generator seed. */
  public static final long DEFAULT_SEED = 20240311L;

  /** System property naming the shared directory (holding {@code corpus/}). */
  public static final String SHARED_PROPERTY = "cloudir.shared";

  /** Location of the CloudTrail corpus below the shared directory. */
  public static final String CORPUS_DIR = "corpus/cloudtrail/invictus_aws_dataset";

  private CloudTrailData() {}

  /**
   * Generates the default input: {@link #DEFAULT_SIZE} bytes from {@link #DEFAULT_SEED}.
   *
   * @return the file's bytes
   */
  public static byte[] generate() {
    return generate(DEFAULT_SEED, DEFAULT_SIZE);
  }

  /**
   * Generates a CloudTrail delivery file of at least {@code targetBytes} bytes (records are added
   * until the size is reached, so it ends a little past it).
   *
   * @param seed the random seed; equal seeds and sizes give equal bytes
   * @param targetBytes the minimum size
   * @return the file's bytes
   */
  public static byte[] generate(long seed, int targetBytes) {
    if (targetBytes < 0) {
      throw new IllegalArgumentException("targetBytes < 0: " + targetBytes);
    }
    return new Generator(seed, targetBytes).run();
  }

  /**
   * Returns the shared directory: the system property {@value #SHARED_PROPERTY}, or
   * {@code ../shared} relative to the working directory.
   *
   * @return the shared directory (not checked for existence)
   */
  public static Path sharedDir() {
    return Path.of(System.getProperty(SHARED_PROPERTY, "../shared"));
  }

  /**
   * Concatenates the corpus records into one envelope of about {@link #DEFAULT_CORPUS_SIZE} bytes.
   *
   * @param sharedDir the shared directory
   * @return the file's bytes
   * @throws IllegalStateException if the corpus is missing
   */
  public static byte[] corpus(Path sharedDir) {
    return corpus(sharedDir, DEFAULT_CORPUS_SIZE);
  }

  /**
   * Concatenates every record of {@code <sharedDir>/}{@value #CORPUS_DIR}{@code /*.json.gz} (files in
   * name order, re-encoded compactly by Jackson), repeating the whole corpus until at least {@code
   * targetBytes} bytes are written, into one {@code {"Records":[...]}} envelope.
   *
   * @param sharedDir the shared directory
   * @param targetBytes the minimum size
   * @return the file's bytes
   * @throws IllegalStateException if the corpus directory is missing or holds no record
   */
  public static byte[] corpus(Path sharedDir, int targetBytes) {
    Path dir = sharedDir.resolve(CORPUS_DIR);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "the 'corpus' input needs the CloudTrail corpus at "
              + dir.toAbsolutePath().normalize()
              + "; set -D"
              + SHARED_PROPERTY
              + "=<path of shared/> (default ../shared relative to the working directory)");
    }
    ObjectMapper mapper = new ObjectMapper();
    List<byte[]> records = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json.gz")) {
      ds.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    for (Path f : files) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        JsonNode recs = mapper.readTree(in).path("Records");
        for (JsonNode r : recs) {
          records.add(mapper.writeValueAsBytes(r));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read corpus file " + f, e);
      }
    }
    if (records.isEmpty()) {
      throw new IllegalStateException("no CloudTrail record in " + dir);
    }
    JsonBytes out = new JsonBytes(targetBytes + (1 << 16));
    out.beginObject().name("Records").beginArray();
    do {
      for (byte[] r : records) {
        out.rawValue(r);
      }
    } while (out.size() < targetBytes);
    out.endArray().endObject();
    return out.toByteArray();
  }

  // ---------------------------------------------------------------------------------------------

  /** One event source/name pair with its weight and shape. */
  private record Op(String source, String name, int weight, Kind kind, boolean readOnly) {}

  private enum Kind {
    MANAGEMENT,
    S3_DATA,
    LAMBDA_DATA,
    CONSOLE,
    SERVICE_EVENT
  }

  private enum Who {
    ASSUMED_ROLE,
    IAM_USER,
    AWS_SERVICE,
    ROOT,
    FEDERATED,
    IDENTITY_CENTER,
    WEB_IDENTITY
  }

  private static final Op[] OPS = {
    op("ec2", "DescribeInstances", 40, Kind.MANAGEMENT, true),
    op("ec2", "DescribeSecurityGroups", 15, Kind.MANAGEMENT, true),
    op("ec2", "DescribeVolumes", 10, Kind.MANAGEMENT, true),
    op("ec2", "RunInstances", 3, Kind.MANAGEMENT, false),
    op("ec2", "CreateTags", 4, Kind.MANAGEMENT, false),
    op("ec2", "AuthorizeSecurityGroupIngress", 2, Kind.MANAGEMENT, false),
    op("ec2", "TerminateInstances", 1, Kind.MANAGEMENT, false),
    op("s3", "ListBuckets", 8, Kind.MANAGEMENT, true),
    op("s3", "GetBucketAcl", 10, Kind.MANAGEMENT, true),
    op("s3", "GetBucketPolicy", 6, Kind.MANAGEMENT, true),
    op("s3", "GetBucketLocation", 8, Kind.MANAGEMENT, true),
    op("s3", "PutBucketPolicy", 1, Kind.MANAGEMENT, false),
    op("s3", "GetObject", 60, Kind.S3_DATA, true),
    op("s3", "PutObject", 25, Kind.S3_DATA, false),
    op("s3", "HeadObject", 15, Kind.S3_DATA, true),
    op("s3", "ListObjects", 10, Kind.S3_DATA, true),
    op("s3", "DeleteObject", 3, Kind.S3_DATA, false),
    op("iam", "GetRole", 8, Kind.MANAGEMENT, true),
    op("iam", "ListRoles", 5, Kind.MANAGEMENT, true),
    op("iam", "ListAttachedRolePolicies", 4, Kind.MANAGEMENT, true),
    op("iam", "PutRolePolicy", 2, Kind.MANAGEMENT, false),
    op("iam", "CreateRole", 1, Kind.MANAGEMENT, false),
    op("iam", "AttachRolePolicy", 1, Kind.MANAGEMENT, false),
    op("iam", "CreateAccessKey", 1, Kind.MANAGEMENT, false),
    op("iam", "CreateUser", 1, Kind.MANAGEMENT, false),
    op("sts", "AssumeRole", 40, Kind.MANAGEMENT, true),
    op("sts", "GetCallerIdentity", 15, Kind.MANAGEMENT, true),
    op("sts", "GetSessionToken", 2, Kind.MANAGEMENT, true),
    op("sts", "AssumeRoleWithWebIdentity", 5, Kind.MANAGEMENT, true),
    op("kms", "Decrypt", 40, Kind.MANAGEMENT, true),
    op("kms", "GenerateDataKey", 20, Kind.MANAGEMENT, true),
    op("kms", "Encrypt", 5, Kind.MANAGEMENT, true),
    op("lambda", "ListFunctions20150331", 4, Kind.MANAGEMENT, true),
    op("lambda", "GetFunction20150331v2", 3, Kind.MANAGEMENT, true),
    op("lambda", "Invoke", 10, Kind.LAMBDA_DATA, false),
    op("logs", "CreateLogStream", 10, Kind.MANAGEMENT, false),
    op("logs", "DescribeLogGroups", 5, Kind.MANAGEMENT, true),
    op("cloudtrail", "LookupEvents", 3, Kind.MANAGEMENT, true),
    op("cloudtrail", "DescribeTrails", 2, Kind.MANAGEMENT, true),
    op("cloudtrail", "StopLogging", 1, Kind.MANAGEMENT, false),
    op("ssm", "GetParameter", 10, Kind.MANAGEMENT, true),
    op("ssm", "GetParameters", 6, Kind.MANAGEMENT, true),
    op("secretsmanager", "GetSecretValue", 8, Kind.MANAGEMENT, true),
    op("dynamodb", "DescribeTable", 5, Kind.MANAGEMENT, true),
    op("dynamodb", "ListTables", 3, Kind.MANAGEMENT, true),
    op("organizations", "DescribeOrganization", 2, Kind.MANAGEMENT, true),
    op("guardduty", "ListDetectors", 2, Kind.MANAGEMENT, true),
    op("signin", "ConsoleLogin", 5, Kind.CONSOLE, false),
    op("ec2", "SharedSnapshotVolumeCreated", 1, Kind.SERVICE_EVENT, false),
    op("secretsmanager", "StartSecretVersionDelete", 1, Kind.SERVICE_EVENT, false),
    op("secretsmanager", "EndSecretVersionDelete", 1, Kind.SERVICE_EVENT, false),
    op("kms", "RotateKey", 2, Kind.SERVICE_EVENT, false),
  };

  private static Op op(String service, String name, int weight, Kind kind, boolean readOnly) {
    return new Op(service + ".amazonaws.com", name, weight, kind, readOnly);
  }

  private static final String[] REGIONS = {
    "us-east-1", "us-west-2", "eu-west-1", "us-east-2", "eu-central-1", "ap-southeast-1",
    "ap-northeast-1", "ap-southeast-2", "eu-west-2", "ca-central-1", "sa-east-1", "ap-south-1",
    "eu-north-1", "us-west-1", "ap-northeast-2", "eu-west-3", "eu-south-1", "me-south-1",
    "af-south-1", "ap-east-1"
  };
  private static final int[] REGION_WEIGHTS = {
    30, 12, 10, 6, 6, 4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1
  };

  private static final String[] USER_AGENTS = {
    "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.79-99.164.amzn2023.x86_64 exe/x86_64.amzn.2023"
        + " prompt/off command/s3.ls",
    "[aws-cli/2.13.5 Python/3.11.4 Darwin/22.6.0 exe/x86_64 prompt/off"
        + " command/sts.get-caller-identity]",
    "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.213-201.855.amzn2.x86_64"
        + " md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy"
        + " Botocore/1.34.69",
    "aws-sdk-java/1.12.670 Linux/5.10.210-201.852.amzn2.x86_64"
        + " OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS java/17.0.10 vendor/Amazon.com_Inc."
        + " cfg/retry-mode/standard",
    "aws-sdk-go-v2/1.25.2 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.150.0",
    "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io)"
        + " terraform-provider-aws/5.42.0 aws-sdk-go-v2/1.25.3 ua/2.0 os/linux lang/go#1.22.1"
        + " md/GOOS#linux md/GOARCH#amd64 api/iam#1.31.3",
    "aws-sdk-js/3.535.0 ua/2.0 os/linux#5.10.210 lang/js md/nodejs#20.11.1 api/dynamodb#3.535.0"
        + " exec-env/AWS_Lambda_nodejs20.x",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Chrome/122.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
        + " Version/17.3 Safari/605.1.15",
    "[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488"
        + " Linux/5.4.247-169.350.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.372-b08"
        + " java/1.8.0_372 vendor/Oracle_Corporation cfg/retry-mode/standard]",
    "console.amazonaws.com",
    "AWS Internal",
    "python-requests/2.31.0",
    "Go-http-client/1.1",
    "curl/8.5.0",
    "Facturación-Sync/2.1 (build \"2024.03\"; C:\\Program Files\\Factura) café ☕",
  };
  private static final int[] USER_AGENT_WEIGHTS = {
    14, 6, 20, 10, 10, 8, 6, 5, 3, 3, 4, 5, 2, 1, 1, 1
  };

  private static final String[] IAM_USERS = {
    "alice", "bob", "carol.smith", "deploy-bot", "ci-runner", "jenkins", "terraform",
    "backup-svc", "mallory", "dave.ops"
  };
  private static final String[] ROLES = {
    "OrganizationAccountAccessRole",
    "AWSReservedSSO_AdministratorAccess_3f2e1a9b8c7d6e5f",
    "AWSReservedSSO_ReadOnlyAccess_0a1b2c3d4e5f6a7b",
    "ecsTaskExecutionRole",
    "lambda-orders-processor",
    "eks-node-group-NodeInstanceRole-1Q2W3E4R5T6Y",
    "GitHubActionsDeployRole",
    "DatadogIntegrationRole",
    "SecurityAudit",
    "EC2-WebServer-Role",
    "data-pipeline-glue",
    "cdk-hnb659fds-deploy-role",
    "Admin",
    "BreakGlass"
  };
  private static final String[] SERVICES = {
    "ec2.amazonaws.com", "lambda.amazonaws.com", "cloudtrail.amazonaws.com",
    "config.amazonaws.com", "elasticloadbalancing.amazonaws.com", "autoscaling.amazonaws.com",
    "ecs-tasks.amazonaws.com", "inspector2.amazonaws.com", "s3.amazonaws.com",
    "access-analyzer.amazonaws.com"
  };
  private static final String[] BUCKETS = {
    "prod-app-assets", "acme-datalake-raw", "acme-datalake-curated", "cloudtrail-org-logs-7f3a",
    "terraform-state-prod", "backup-vault-exports", "customer-uploads-eu", "athena-results-acme"
  };
  private static final String[] FUNCTIONS = {
    "orders-processor", "thumbnail-generator", "auth-authorizer", "nightly-report"
  };
  private static final String[] POLICY_ACTIONS = {
    "s3:GetObject", "s3:PutObject", "s3:ListBucket", "kms:Decrypt", "logs:CreateLogStream",
    "logs:PutLogEvents", "sqs:SendMessage", "dynamodb:Query", "ec2:Describe*", "iam:PassRole",
    "secretsmanager:GetSecretValue", "*"
  };
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String ALNUM_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final String HEX = "0123456789abcdef";

  private static final DateTimeFormatter EVENT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter IAM_TIME =
      DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

  /** A principal reused across records (keys and ids stay stable, as in a real account). */
  private record Principal(String name, String account, String id, String key) {}

  /**
   * A live set of temporary credentials: a real session signs many calls with one key (the
   * invictus attack dataset averages 21 calls per key) until it expires.
   */
  private record Live(String session, String key, long created, @Nullable String sourceIdentity,
      String ec2RoleDelivery, String ip) {}

  /** How long a generated session lives (seconds): STS's default duration. */
  private static final long SESSION_SECONDS = 3600;
  /** The chance that a call by a principal with live sessions uses one of them. */
  private static final double REUSE = 0.95;

  /** The generator proper: one instance per file, not thread-safe. */
  private static final class Generator {
    private final SplittableRandom rnd;
    private final int target;
    private final JsonBytes out;
    private final int opTotal;
    private final String[] accounts;
    private final Principal[] users;
    private final Principal[] roles;
    private final String[] ips;
    private long epochSecond = 1_710_115_200L; // 2024-03-11T00:00:00Z

    // per record
    private Op op = OPS[0];
    private Who who = Who.ASSUMED_ROLE;
    private String region = "us-east-1";
    private String account = "";
    private String arn = "";
    private String time = "";
    /** The address the current record's session calls from (null: no session). */
    private @Nullable String sessionIp;
    /** Live sessions by owner (role name, user name, account or federated name). */
    private final java.util.Map<String, List<Live>> live = new java.util.HashMap<>();
    /** Set by the data-event writers for {@code resources}: object key or function ARN. */
    private String s3Key = "";
    private String s3Bucket = "";

    Generator(long seed, int target) {
      this.rnd = new SplittableRandom(seed);
      this.target = target;
      this.out = new JsonBytes(target + (1 << 16));
      int t = 0;
      for (Op o : OPS) {
        t += o.weight();
      }
      this.opTotal = t;
      accounts = new String[6];
      for (int i = 0; i < accounts.length; i++) {
        accounts[i] = digits(12);
      }
      users = new Principal[IAM_USERS.length];
      for (int i = 0; i < users.length; i++) {
        users[i] =
            new Principal(
                IAM_USERS[i], accounts[i % 3], "AIDA" + chars(BASE32, 17), "AKIA" + chars(BASE32, 16));
      }
      roles = new Principal[ROLES.length];
      for (int i = 0; i < roles.length; i++) {
        roles[i] = new Principal(ROLES[i], accounts[i % accounts.length], "AROA" + chars(BASE32, 17), "");
      }
      ips = new String[60];
      for (int i = 0; i < ips.length; i++) {
        ips[i] =
            i % 12 == 11
                ? "2001:db8:" + Integer.toHexString(rnd.nextInt(0x10000)) + "::" + (i + 1)
                : (rnd.nextInt(1, 224) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "."
                    + rnd.nextInt(1, 255));
      }
    }

    byte[] run() {
      out.beginObject().name("Records").beginArray();
      while (out.size() < target) {
        record();
      }
      out.endArray().endObject();
      return out.toByteArray();
    }

    // ---- random helpers

    private boolean chance(double p) {
      return rnd.nextDouble() < p;
    }

    private <T> T pick(T[] values) {
      return values[rnd.nextInt(values.length)];
    }

    private int weighted(int[] weights) {
      int total = 0;
      for (int w : weights) {
        total += w;
      }
      int r = rnd.nextInt(total);
      for (int i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0) {
          return i;
        }
      }
      return weights.length - 1;
    }

    private String chars(String alphabet, int n) {
      char[] c = new char[n];
      for (int i = 0; i < n; i++) {
        c[i] = alphabet.charAt(rnd.nextInt(alphabet.length()));
      }
      return new String(c);
    }

    private String digits(int n) {
      StringBuilder sb = new StringBuilder(n);
      sb.append((char) ('1' + rnd.nextInt(9)));
      for (int i = 1; i < n; i++) {
        sb.append((char) ('0' + rnd.nextInt(10)));
      }
      return sb.toString();
    }

    private String uuid() {
      long msb = (rnd.nextLong() & ~0xF000L) | 0x4000L;
      long lsb = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(msb, lsb).toString();
    }

    private String hexId(String prefix, int n) {
      return prefix + chars(HEX, n);
    }

    /**
     * A live session of {@code owner} (reused with {@link #REUSE} when one is younger than
     * {@link #SESSION_SECONDS}), or a new one made by {@code fresh}.
     */
    private Live session(String owner, java.util.function.Supplier<Live> fresh) {
      List<Live> l = live.computeIfAbsent(owner, k -> new ArrayList<>());
      l.removeIf(x -> epochSecond - x.created() >= SESSION_SECONDS);
      Live s;
      if (!l.isEmpty() && chance(REUSE)) {
        s = l.get(rnd.nextInt(l.size()));
      } else {
        s = fresh.get();
        l.add(s);
      }
      sessionIp = s.ip();
      return s;
    }

    /** A new session of a plain key (no session name). */
    private Live plainSession(long age) {
      return new Live("", "ASIA" + chars(BASE32, 16), epochSecond - age, null, "", pick(ips));
    }

    private String privateIp() {
      return "10." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(1, 255);
    }

    private String iamTime(long epoch) {
      return IAM_TIME.format(Instant.ofEpochSecond(epoch));
    }

    // ---- one record

    private void record() {
      epochSecond += rnd.nextInt(3);
      time = EVENT_TIME.format(Instant.ofEpochSecond(epochSecond));
      int r = rnd.nextInt(opTotal);
      for (Op o : OPS) {
        r -= o.weight();
        if (r < 0) {
          op = o;
          break;
        }
      }
      String service = op.source().substring(0, op.source().indexOf('.'));
      boolean global = service.equals("iam") || service.equals("organizations");
      region =
          global || op.kind() == Kind.CONSOLE
              ? (op.kind() == Kind.CONSOLE && chance(0.1) ? "eu-west-1" : "us-east-1")
              : REGIONS[weighted(REGION_WEIGHTS)];
      who = chooseWho();

      out.beginObject();
      out.field("eventVersion", op.kind() == Kind.S3_DATA || op.kind() == Kind.LAMBDA_DATA
          ? (chance(0.5) ? "1.09" : "1.10") : (chance(0.8) ? "1.08" : "1.09"));
      out.name("userIdentity");
      sessionIp = null;
      userIdentity();
      out.field("eventTime", time);
      out.field("eventSource", op.source());
      out.field("eventName", op.name());
      out.field("awsRegion", region);

      boolean viaVpce = false;
      String sourceIp;
      String userAgent;
      String invokedBy = "";
      if (who == Who.AWS_SERVICE || op.kind() == Kind.SERVICE_EVENT) {
        invokedBy = op.kind() == Kind.SERVICE_EVENT ? op.source() : pick(SERVICES);
        sourceIp = chance(0.2) ? "AWS Internal" : invokedBy;
        userAgent = sourceIp;
      } else {
        viaVpce = (service.equals("s3") || service.equals("kms") || service.equals("ssm")
            || service.equals("secretsmanager") || service.equals("sts")) && chance(0.2);
        String home = sessionIp;
        sourceIp = viaVpce ? privateIp() : home != null && chance(0.9) ? home : pick(ips);
        userAgent = op.kind() == Kind.CONSOLE
            ? USER_AGENTS[7 + rnd.nextInt(2)]
            : USER_AGENTS[weighted(USER_AGENT_WEIGHTS)];
      }
      out.field("sourceIPAddress", sourceIp);
      out.field("userAgent", userAgent);

      boolean error = false;
      if (op.kind() == Kind.CONSOLE) {
        error = chance(0.1);
        if (error) {
          out.field("errorMessage", "Failed authentication");
        }
      } else if ((who == Who.ASSUMED_ROLE || who == Who.IAM_USER || who == Who.FEDERATED)
          && op.kind() != Kind.SERVICE_EVENT
          && chance(0.07)) {
        error = true;
        errorFields(service);
      }
      switch (op.kind()) {
        case CONSOLE -> console(error);
        case SERVICE_EVENT -> serviceEvent();
        case S3_DATA -> s3Data(error);
        case LAMBDA_DATA -> lambdaData();
        case MANAGEMENT -> management(service, error);
      }
      out.field("eventID", uuid());
      out.field("readOnly", op.readOnly());
      resources(service);
      out.field("eventType",
          op.kind() == Kind.CONSOLE ? "AwsConsoleSignIn"
              : op.kind() == Kind.SERVICE_EVENT ? "AwsServiceEvent" : "AwsApiCall");
      boolean data = op.kind() == Kind.S3_DATA || op.kind() == Kind.LAMBDA_DATA;
      out.field("managementEvent", !data);
      String recipient = account;
      if (who == Who.AWS_SERVICE && chance(0.3)) {
        recipient = pick(accounts);
      }
      out.field("recipientAccountId", recipient.isEmpty() ? accounts[0] : recipient);
      if ((who == Who.AWS_SERVICE && chance(0.5))
          || op.name().equals("SharedSnapshotVolumeCreated")
          || (op.name().equals("AssumeRole") && chance(0.3))) {
        out.field("sharedEventID", uuid());
      }
      if (viaVpce) {
        out.field("vpcEndpointId", hexId("vpce-", chance(0.5) ? 8 : 17));
      }
      if (op.kind() == Kind.SERVICE_EVENT) {
        serviceEventDetails();
      }
      out.field("eventCategory", data ? "Data" : "Management");
      if (who != Who.AWS_SERVICE && op.kind() != Kind.SERVICE_EVENT) {
        out.name("tlsDetails").beginObject()
            .field("tlsVersion", chance(0.7) ? "TLSv1.3" : "TLSv1.2")
            .field("cipherSuite", chance(0.7) ? "TLS_AES_128_GCM_SHA256" : "ECDHE-RSA-AES128-GCM-SHA256")
            .field("clientProvidedHostHeader", host(service))
            .endObject();
        if (op.kind() == Kind.CONSOLE || userAgent.startsWith("Mozilla") && chance(0.5)) {
          out.field("sessionCredentialFromConsole", "true");
        }
      }
      out.endObject();
    }

    private String host(String service) {
      return switch (service) {
        case "iam", "organizations" -> service + ".amazonaws.com";
        case "signin" -> "signin.aws.amazon.com";
        case "s3" -> "s3." + region + ".amazonaws.com";
        default -> service + "." + region + ".amazonaws.com";
      };
    }

    private Who chooseWho() {
      switch (op.kind()) {
        case SERVICE_EVENT:
          return Who.AWS_SERVICE;
        case CONSOLE: {
          int r = rnd.nextInt(10);
          return r < 6 ? Who.IAM_USER : r < 8 ? Who.ASSUMED_ROLE : Who.ROOT;
        }
        case S3_DATA:
        case LAMBDA_DATA: {
          int r = rnd.nextInt(20);
          return r < 13 ? Who.ASSUMED_ROLE : r < 16 ? Who.IAM_USER : Who.AWS_SERVICE;
        }
        default:
          break;
      }
      if (op.name().equals("AssumeRoleWithWebIdentity")) {
        return Who.WEB_IDENTITY;
      }
      int r = rnd.nextInt(100);
      if (r < 55) {
        return Who.ASSUMED_ROLE;
      } else if (r < 73) {
        return Who.IAM_USER;
      } else if (r < 89) {
        return Who.AWS_SERVICE;
      } else if (r < 91) {
        return Who.ROOT;
      } else if (r < 95) {
        return Who.FEDERATED;
      } else {
        return Who.IDENTITY_CENTER;
      }
    }

    private void userIdentity() {
      out.beginObject();
      switch (who) {
        case IAM_USER -> {
          Principal u = pick(users);
          account = u.account();
          arn = "arn:aws:iam::" + account + ":user/" + u.name();
          out.field("type", "IAMUser").field("principalId", u.id()).field("arn", arn)
              .field("accountId", account);
          if (op.kind() != Kind.CONSOLE) {
            out.field("accessKeyId", chance(0.8) ? u.key()
                : session("user " + u.name(), () -> plainSession(rnd.nextInt(600))).key());
          }
          out.field("userName", u.name());
          if (chance(0.3)) {
            out.name("sessionContext").beginObject()
                .name("sessionIssuer").beginObject().endObject()
                .name("webIdFederationData").beginObject().endObject()
                .name("attributes").beginObject()
                .field("creationDate", EVENT_TIME.format(Instant.ofEpochSecond(epochSecond - 600)))
                .field("mfaAuthenticated", chance(0.5) ? "true" : "false")
                .endObject().endObject();
          }
        }
        case ASSUMED_ROLE -> {
          Principal role = pick(roles);
          account = role.account();
          boolean ec2 = role.name().startsWith("EC2") || role.name().startsWith("eks");
          Live live = session("role " + role.name(), () -> {
            long age = rnd.nextInt(600);
            String name =
                ec2 ? hexId("i-0", 16)
                    : role.name().startsWith("AWSReservedSSO") ? pick(IAM_USERS) + "@example.com"
                    : role.name().startsWith("GitHub") ? "GitHubActions"
                    : chance(0.5) ? "botocore-session-" + (epochSecond - age)
                    : "aws-go-sdk-" + ((epochSecond - age) * 1000 + rnd.nextInt(1000));
            return new Live(name, "ASIA" + chars(BASE32, 16), epochSecond - age,
                !ec2 && chance(0.1) ? pick(IAM_USERS) : null, chance(0.8) ? "2.0" : "1.0",
                pick(ips));
          });
          String session = live.session();
          arn = "arn:aws:sts::" + account + ":assumed-role/" + role.name() + "/" + session;
          out.field("type", "AssumedRole").field("principalId", role.id() + ":" + session)
              .field("arn", arn).field("accountId", account)
              .field("accessKeyId", live.key());
          out.name("sessionContext").beginObject();
          out.name("sessionIssuer").beginObject().field("type", "Role")
              .field("principalId", role.id())
              .field("arn", "arn:aws:iam::" + account + ":role/" + role.name())
              .field("accountId", account).field("userName", role.name()).endObject();
          out.name("webIdFederationData").beginObject().endObject();
          out.name("attributes").beginObject()
              .field("creationDate", EVENT_TIME.format(Instant.ofEpochSecond(live.created())))
              .field("mfaAuthenticated", chance(0.2) ? "true" : "false").endObject();
          String sourceIdentity = live.sourceIdentity();
          if (sourceIdentity != null) {
            out.field("sourceIdentity", sourceIdentity);
          }
          if (ec2) {
            out.field("ec2RoleDelivery", live.ec2RoleDelivery());
          }
          out.endObject();
          if (chance(0.08)) {
            out.field("invokedBy", pick(SERVICES));
          }
        }
        case AWS_SERVICE -> {
          account = "";
          arn = "";
          if (op.kind() == Kind.SERVICE_EVENT) {
            account = pick(accounts);
            out.field("accountId", account).field("invokedBy", op.source());
          } else {
            out.field("type", "AWSService").field("invokedBy", pick(SERVICES));
          }
        }
        case ROOT -> {
          account = pick(accounts);
          arn = "arn:aws:iam::" + account + ":root";
          out.field("type", "Root").field("principalId", account).field("arn", arn)
              .field("accountId", account);
          if (op.kind() != Kind.CONSOLE) {
            Live live = session("root " + account, () -> plainSession(rnd.nextInt(900)));
            out.field("accessKeyId", live.key());
            out.name("sessionContext").beginObject()
                .name("attributes").beginObject()
                .field("creationDate", EVENT_TIME.format(Instant.ofEpochSecond(live.created())))
                .field("mfaAuthenticated", "true").endObject().endObject();
          }
        }
        case FEDERATED -> {
          Principal broker = users[3];
          account = broker.account();
          String name = pick(IAM_USERS);
          arn = "arn:aws:sts::" + account + ":federated-user/" + name;
          Live live = session("federated " + name, () -> plainSession(rnd.nextInt(1200)));
          out.field("type", "FederatedUser").field("principalId", account + ":" + name)
              .field("arn", arn).field("accountId", account)
              .field("accessKeyId", live.key());
          out.name("sessionContext").beginObject()
              .name("sessionIssuer").beginObject().field("type", "IAMUser")
              .field("principalId", broker.id())
              .field("arn", "arn:aws:iam::" + account + ":user/" + broker.name())
              .field("accountId", account).field("userName", broker.name()).endObject()
              .name("webIdFederationData").beginObject().endObject()
              .name("attributes").beginObject()
              .field("creationDate", EVENT_TIME.format(Instant.ofEpochSecond(live.created())))
              .field("mfaAuthenticated", "false").endObject()
              .endObject();
        }
        case IDENTITY_CENTER -> {
          account = accounts[0];
          arn = "";
          Live live = session("identity center", () -> new Live(uuid(),
              chars(ALNUM_UPPER, 24), epochSecond, null, "", pick(ips)));
          out.field("type", "IdentityCenterUser").field("accountId", account);
          out.name("onBehalfOf").beginObject()
              .field("userId", live.session())
              .field("identityStoreArn",
                  "arn:aws:identitystore::" + account + ":identitystore/d-" + chars(HEX, 10))
              .endObject();
          out.field("credentialId", live.key());
        }
        case WEB_IDENTITY -> {
          account = accounts[1];
          arn = "";
          String provider = "token.actions.githubusercontent.com";
          String sub = "repo:acme/infra:ref:refs/heads/main";
          out.field("type", "WebIdentityUser")
              .field("principalId", "arn:aws:iam::" + account + ":oidc-provider/" + provider + ":sts.amazonaws.com:" + sub)
              .field("userName", sub)
              .field("identityProvider", "arn:aws:iam::" + account + ":oidc-provider/" + provider);
        }
      }
      out.endObject();
    }

    private void errorFields(String service) {
      String action = service + ":" + op.name();
      String resource = "arn:aws:" + service + ":" + region + ":" + account + ":*";
      String code;
      String message;
      int r = rnd.nextInt(10);
      if (r < 7) {
        code = service.equals("ec2") ? "Client.UnauthorizedOperation"
            : service.equals("s3") || service.equals("iam") || service.equals("sts") ? "AccessDenied"
            : "AccessDeniedException";
        message = (service.equals("ec2") ? "You are not authorized to perform this operation. " : "")
            + "User: " + (arn.isEmpty() ? "arn:aws:iam::" + account + ":root" : arn)
            + " is not authorized to perform: " + action + " on resource: " + resource
            + " because no identity-based policy allows the " + action + " action"
            + (service.equals("ec2") ? ". Encoded authorization failure message: " + chars(BASE64, 120) : "");
      } else if (r < 9) {
        code = service.equals("ec2") ? "Client.RequestLimitExceeded" : "ThrottlingException";
        message = "Rate exceeded";
      } else {
        code = switch (service) {
          case "s3" -> "NoSuchBucket";
          case "ssm" -> "ParameterNotFound";
          case "iam" -> "NoSuchEntity";
          case "ec2" -> "Client.InvalidInstanceID.NotFound";
          default -> "ResourceNotFoundException";
        };
        message = "The specified resource does not exist.";
      }
      out.field("errorCode", code).field("errorMessage", message);
    }

    private String policyDocument(boolean trust) {
      JsonBytes p = new JsonBytes(256);
      p.beginObject().field("Version", "2012-10-17").name("Statement").beginArray();
      int n = trust ? 1 : 1 + rnd.nextInt(3);
      for (int i = 0; i < n; i++) {
        p.beginObject();
        if (!trust && chance(0.5)) {
          p.field("Sid", "Stmt" + (1000 + rnd.nextInt(9000)));
        }
        p.field("Effect", !trust && chance(0.1) ? "Deny" : "Allow");
        if (trust) {
          p.name("Principal").beginObject();
          if (chance(0.5)) {
            p.field("Service", pick(SERVICES));
          } else {
            p.field("AWS", "arn:aws:iam::" + pick(accounts) + ":root");
          }
          p.endObject().field("Action", "sts:AssumeRole");
        } else {
          p.name("Action").beginArray();
          int a = 1 + rnd.nextInt(3);
          for (int j = 0; j < a; j++) {
            p.string(pick(POLICY_ACTIONS));
          }
          p.endArray();
          p.field("Resource", chance(0.3) ? "*" : "arn:aws:s3:::" + pick(BUCKETS) + "/*");
          if (chance(0.2)) {
            p.name("Condition").beginObject().name("StringEquals").beginObject()
                .field("aws:PrincipalOrgID", "o-" + chars("abcdefghijklmnopqrstuvwxyz0123456789", 10))
                .endObject().endObject();
          }
        }
        p.endObject();
      }
      p.endArray().endObject();
      return p.toString();
    }

    private void management(String service, boolean error) {
      String bucket = pick(BUCKETS);
      String s3Host = bucket + ".s3." + region + ".amazonaws.com";
      String role = pick(ROLES);
      String user = pick(IAM_USERS);
      out.name("requestParameters");
      switch (op.name()) {
        case "DescribeInstances" -> {
          out.beginObject();
          if (chance(0.5)) {
            out.name("instancesSet").beginObject().name("items").beginArray()
                .beginObject().field("instanceId", hexId("i-0", 16)).endObject()
                .endArray().endObject().name("filterSet").beginObject().endObject();
          } else {
            out.field("maxResults", 1000).name("instancesSet").beginObject().endObject()
                .name("filterSet").beginObject().name("items").beginArray().beginObject()
                .field("name", "instance-state-name").name("valueSet").beginObject()
                .name("items").beginArray().beginObject().field("value", "running").endObject()
                .endArray().endObject().endObject().endArray().endObject();
          }
          out.endObject();
        }
        case "DescribeSecurityGroups" -> out.beginObject()
            .name("securityGroupSet").beginObject().endObject()
            .name("securityGroupIdSet").beginObject().name("items").beginArray().beginObject()
            .field("groupId", hexId("sg-0", 16)).endObject().endArray().endObject()
            .name("filterSet").beginObject().endObject().endObject();
        case "DescribeVolumes" -> out.beginObject().name("volumeSet").beginObject().endObject()
            .name("filterSet").beginObject().endObject().endObject();
        case "RunInstances" -> out.beginObject()
            .name("instancesSet").beginObject().name("items").beginArray().beginObject()
            .field("imageId", hexId("ami-0", 16)).field("minCount", 1).field("maxCount", 1)
            .endObject().endArray().endObject()
            .field("instanceType", chance(0.5) ? "t3.micro" : "m5.large")
            .name("blockDeviceMapping").beginObject().endObject()
            .name("monitoring").beginObject().field("enabled", false).endObject()
            .field("disableApiTermination", false).field("disableApiStop", false)
            .field("clientToken", uuid()).endObject();
        case "CreateTags" -> out.beginObject()
            .name("resourcesSet").beginObject().name("items").beginArray().beginObject()
            .field("resourceId", hexId("i-0", 16)).endObject().endArray().endObject()
            .name("tagSet").beginObject().name("items").beginArray().beginObject()
            .field("key", "Owner").field("value", user).endObject().beginObject()
            .field("key", "CostCenter").field("value", "cc-" + rnd.nextInt(1000)).endObject()
            .endArray().endObject().endObject();
        case "AuthorizeSecurityGroupIngress" -> out.beginObject()
            .field("groupId", hexId("sg-0", 16))
            .name("ipPermissions").beginObject().name("items").beginArray().beginObject()
            .field("ipProtocol", "tcp").field("fromPort", 22).field("toPort", 22)
            .name("groups").beginObject().endObject()
            .name("ipRanges").beginObject().name("items").beginArray().beginObject()
            .field("cidrIp", "0.0.0.0/0").endObject().endArray().endObject()
            .name("ipv6Ranges").beginObject().endObject()
            .name("prefixListIds").beginObject().endObject()
            .endObject().endArray().endObject().endObject();
        case "TerminateInstances" -> out.beginObject()
            .name("instancesSet").beginObject().name("items").beginArray().beginObject()
            .field("instanceId", hexId("i-0", 16)).endObject().endArray().endObject().endObject();
        case "ListBuckets" -> out.beginObject().field("Host", "s3.amazonaws.com").endObject();
        case "GetBucketAcl" -> out.beginObject().field("bucketName", bucket).field("Host", s3Host)
            .field("acl", "").endObject();
        case "GetBucketPolicy" -> out.beginObject().field("bucketName", bucket).field("Host", s3Host)
            .field("policy", "").endObject();
        case "GetBucketLocation" -> out.beginObject().field("bucketName", bucket)
            .field("Host", s3Host).field("location", "").endObject();
        case "PutBucketPolicy" -> {
          out.beginObject().field("bucketName", bucket).field("Host", s3Host);
          out.name("bucketPolicy").beginObject().field("Version", "2012-10-17")
              .name("Statement").beginArray().beginObject()
              .field("Sid", "DenyInsecureTransport").field("Effect", "Deny")
              .field("Principal", "*").field("Action", "s3:*")
              .name("Resource").beginArray().string("arn:aws:s3:::" + bucket)
              .string("arn:aws:s3:::" + bucket + "/*").endArray()
              .name("Condition").beginObject().name("Bool").beginObject()
              .field("aws:SecureTransport", "false").endObject().endObject()
              .endObject().endArray().endObject();
          out.field("policy", "").endObject();
        }
        case "GetRole", "ListAttachedRolePolicies" -> out.beginObject().field("roleName", role)
            .endObject();
        case "ListRoles" -> out.beginObject().field("maxItems", 1000).endObject();
        case "PutRolePolicy" -> out.beginObject().field("roleName", role)
            .field("policyName", "inline-" + chars("abcdefghijklmnopqrstuvwxyz", 6))
            .field("policyDocument", policyDocument(false)).endObject();
        case "CreateRole" -> out.beginObject().field("roleName", "svc-" + chars(HEX, 8))
            .field("assumeRolePolicyDocument", policyDocument(true))
            .field("description", "Created by \"deploy\" pipeline (stage: prod)").endObject();
        case "AttachRolePolicy" -> out.beginObject().field("roleName", role)
            .field("policyArn", chance(0.5) ? "arn:aws:iam::aws:policy/AdministratorAccess"
                : "arn:aws:iam::aws:policy/ReadOnlyAccess").endObject();
        case "CreateAccessKey" -> out.beginObject().field("userName", user).endObject();
        case "CreateUser" -> out.beginObject().field("userName", "svc-" + chars(HEX, 6))
            .name("tags").beginArray().beginObject().field("key", "team")
            .field("value", "platform").endObject().endArray().endObject();
        case "AssumeRole" -> {
          out.beginObject()
              .field("roleArn", "arn:aws:iam::" + pick(accounts) + ":role/" + role)
              .field("roleSessionName", "session-" + chars(HEX, 8))
              .field("durationSeconds", 3600);
          if (chance(0.2)) {
            out.field("externalId", uuid());
          }
          out.endObject();
        }
        case "AssumeRoleWithWebIdentity" -> out.beginObject()
            .field("roleArn", "arn:aws:iam::" + account + ":role/GitHubActionsDeployRole")
            .field("roleSessionName", "GitHubActions").field("durationSeconds", 3600).endObject();
        case "GetSessionToken" -> out.beginObject().field("durationSeconds", 43200).endObject();
        case "Decrypt" -> out.beginObject()
            .field("encryptionAlgorithm", "SYMMETRIC_DEFAULT")
            .name("encryptionContext").beginObject()
            .field("aws:lambda:FunctionArn",
                "arn:aws:lambda:" + region + ":" + account + ":function:" + pick(FUNCTIONS))
            .endObject().endObject();
        case "GenerateDataKey" -> out.beginObject().field("keyId", "alias/aws/s3")
            .name("encryptionContext").beginObject()
            .field("aws:s3:arn", "arn:aws:s3:::" + bucket + "/" + objectKey()).endObject()
            .field("keySpec", "AES_256").endObject();
        case "Encrypt" -> out.beginObject()
            .field("keyId", "arn:aws:kms:" + region + ":" + account + ":key/" + uuid())
            .field("encryptionAlgorithm", "SYMMETRIC_DEFAULT").endObject();
        case "GetFunction20150331v2" -> out.beginObject().field("functionName", pick(FUNCTIONS))
            .endObject();
        case "CreateLogStream" -> out.beginObject()
            .field("logGroupName", "/aws/lambda/" + pick(FUNCTIONS))
            .field("logStreamName", "2024/03/11/[$LATEST]" + chars(HEX, 32)).endObject();
        case "DescribeLogGroups" -> out.beginObject().field("logGroupNamePrefix", "/aws/lambda/")
            .endObject();
        case "LookupEvents" -> out.beginObject().name("lookupAttributes").beginArray()
            .beginObject().field("attributeKey", "EventName").field("attributeValue", "ConsoleLogin")
            .endObject().endArray().field("maxResults", 50).endObject();
        case "DescribeTrails" -> out.beginObject().name("trailNameList").beginArray().endArray()
            .field("includeShadowTrails", true).endObject();
        case "StopLogging" -> out.beginObject()
            .field("name", "arn:aws:cloudtrail:" + region + ":" + account + ":trail/org-trail")
            .endObject();
        case "GetParameter" -> out.beginObject()
            .field("name", "/prod/" + pick(FUNCTIONS) + "/db-password")
            .field("withDecryption", true).endObject();
        case "GetParameters" -> out.beginObject().name("names").beginArray()
            .string("/prod/app/api-key").string("/prod/app/feature-flags").endArray()
            .field("withDecryption", false).endObject();
        case "GetSecretValue" -> out.beginObject()
            .field("secretId", "arn:aws:secretsmanager:" + region + ":" + account
                + ":secret:prod/db-" + chars(BASE64.substring(0, 62), 6)).endObject();
        case "DescribeTable" -> out.beginObject().field("tableName", "orders").endObject();
        case "ListTables" -> out.beginObject().field("limit", 100).endObject();
        default -> out.nul(); // GetCallerIdentity, ListFunctions, DescribeOrganization, ...
      }
      out.name("responseElements");
      if (error) {
        out.nul();
      } else {
        responseElements(role, user);
      }
      if (service.equals("s3")) {
        s3AdditionalEventData(0);
        out.field("requestID", chars(ALNUM_UPPER, 16));
      } else {
        out.field("requestID", uuid());
      }
    }

    private void responseElements(String role, String user) {
      switch (op.name()) {
        case "RunInstances" -> out.beginObject().field("requestId", uuid())
            .field("reservationId", hexId("r-0", 16)).field("ownerId", account)
            .name("groupSet").beginObject().endObject()
            .name("instancesSet").beginObject().name("items").beginArray().beginObject()
            .field("instanceId", hexId("i-0", 16)).field("imageId", hexId("ami-0", 16))
            .name("instanceState").beginObject().field("code", 0).field("name", "pending")
            .endObject()
            .field("privateDnsName", "ip-10-0-" + rnd.nextInt(256) + "-" + rnd.nextInt(256)
                + ".ec2.internal")
            .field("amiLaunchIndex", 0).name("productCodes").beginObject().endObject()
            .field("instanceType", "t3.micro").field("launchTime", epochSecond * 1000)
            .name("placement").beginObject().field("availabilityZone", region + "a")
            .field("tenancy", "default").endObject()
            .name("monitoring").beginObject().field("state", "disabled").endObject()
            .field("subnetId", hexId("subnet-0", 16)).field("vpcId", hexId("vpc-0", 16))
            .field("privateIpAddress", privateIp())
            .name("tagSet").beginObject().name("items").beginArray().beginObject()
            .field("key", "Name").field("value", "web-" + rnd.nextInt(100)).endObject()
            .endArray().endObject()
            .endObject().endArray().endObject().endObject();
        case "CreateTags" -> out.beginObject().field("requestId", uuid()).field("_return", true)
            .endObject();
        case "AuthorizeSecurityGroupIngress" -> out.beginObject().field("requestId", uuid())
            .field("_return", true).name("securityGroupRuleSet").beginObject().name("items")
            .beginArray().beginObject().field("groupOwnerId", account)
            .field("groupId", hexId("sg-0", 16)).field("securityGroupRuleId", hexId("sgr-0", 16))
            .field("isEgress", false).field("ipProtocol", "tcp").field("fromPort", 22)
            .field("toPort", 22).field("cidrIpv4", "0.0.0.0/0").endObject().endArray()
            .endObject().endObject();
        case "TerminateInstances" -> out.beginObject().field("requestId", uuid())
            .name("instancesSet").beginObject().name("items").beginArray().beginObject()
            .field("instanceId", hexId("i-0", 16))
            .name("currentState").beginObject().field("code", 32).field("name", "shutting-down")
            .endObject()
            .name("previousState").beginObject().field("code", 16).field("name", "running")
            .endObject().endObject().endArray().endObject().endObject();
        case "CreateRole" -> {
          String name = "svc-" + chars(HEX, 8);
          out.beginObject().name("role").beginObject().field("path", "/")
              .field("roleName", name).field("roleId", "AROA" + chars(BASE32, 17))
              .field("arn", "arn:aws:iam::" + account + ":role/" + name)
              .field("createDate", iamTime(epochSecond))
              .field("assumeRolePolicyDocument",
                  "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A"
                      + "%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22lambda.amazonaws.com"
                      + "%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D")
              .endObject().endObject();
        }
        case "CreateAccessKey" -> out.beginObject().name("accessKey").beginObject()
            .field("userName", user).field("accessKeyId", "AKIA" + chars(BASE32, 16))
            .field("status", "Active").field("createDate", iamTime(epochSecond)).endObject()
            .endObject();
        case "CreateUser" -> out.beginObject().name("user").beginObject().field("path", "/")
            .field("userName", user).field("userId", "AIDA" + chars(BASE32, 17))
            .field("arn", "arn:aws:iam::" + account + ":user/" + user)
            .field("createDate", iamTime(epochSecond)).endObject().endObject();
        case "AssumeRole", "AssumeRoleWithWebIdentity", "GetSessionToken" -> {
          String key = "ASIA" + chars(BASE32, 16);
          out.beginObject().name("credentials").beginObject()
              .field("accessKeyId", key)
              .field("sessionToken", "IQoJb3JpZ2luX2VjE" + chars(BASE64, 400 + rnd.nextInt(400)))
              .field("expiration", iamTime(epochSecond + 3600)).endObject();
          if (!op.name().equals("GetSessionToken")) {
            String session = op.name().equals("AssumeRole") ? "session-" + chars(HEX, 8)
                : "GitHubActions";
            if (op.name().equals("AssumeRole") && !role.startsWith("EC2")
                && !role.startsWith("eks") && !role.startsWith("AWSReservedSSO")
                && !role.startsWith("GitHub")) {
              // the minted session signs later calls: their attribution has a minting event
              live.computeIfAbsent("role " + role, k -> new ArrayList<>())
                  .add(new Live(session, key, epochSecond, null, "", pick(ips)));
            }
            out.name("assumedRoleUser").beginObject()
                .field("assumedRoleId", "AROA" + chars(BASE32, 17) + ":" + session)
                .field("arn", "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session)
                .endObject();
          }
          if (op.name().equals("AssumeRoleWithWebIdentity")) {
            out.field("subjectFromWebIdentityToken", "repo:acme/infra:ref:refs/heads/main")
                .field("provider", "arn:aws:iam::" + account
                    + ":oidc-provider/token.actions.githubusercontent.com")
                .field("audience", "sts.amazonaws.com");
          }
          out.endObject();
        }
        // Describe*, List*, Get* and the rest answer with a null responseElements
        default -> out.nul();
      }
    }

    private String objectKey() {
      return switch (rnd.nextInt(4)) {
        case 0 -> "exports/" + (2020 + rnd.nextInt(5)) + "/" + chars(HEX, 12) + ".parquet";
        case 1 -> "uploads/" + uuid() + "/Résumé final (v2).pdf";
        case 2 -> "AWSLogs/" + pick(accounts) + "/CloudTrail/" + region + "/2024/03/11/"
            + chars(HEX, 20) + ".json.gz";
        default -> "static/js/app." + chars(HEX, 8) + ".js";
      };
    }

    private void s3AdditionalEventData(long bytesOut) {
      out.name("additionalEventData").beginObject()
          .field("SignatureVersion", "SigV4")
          .field("CipherSuite", "ECDHE-RSA-AES128-GCM-SHA256")
          .field("bytesTransferredIn", op.name().equals("PutObject") ? rnd.nextInt(1 << 22) : 0)
          .field("AuthenticationMethod", chance(0.9) ? "AuthHeader" : "QueryString")
          .field("x-amz-id-2", chars(BASE64, 76) + "=")
          .field("bytesTransferredOut", bytesOut)
          .endObject();
    }

    private void s3Data(boolean error) {
      String bucket = pick(BUCKETS);
      String key = objectKey();
      out.name("requestParameters").beginObject().field("bucketName", bucket)
          .field("Host", bucket + ".s3." + region + ".amazonaws.com");
      if (op.name().equals("ListObjects")) {
        out.field("prefix", "exports/").field("delimiter", "/").field("list-type", "2");
      } else {
        out.field("key", key);
      }
      if (op.name().equals("PutObject") && chance(0.5)) {
        out.field("x-amz-server-side-encryption", "aws:kms");
      }
      out.endObject();
      out.name("responseElements");
      if (!error && op.name().equals("PutObject")) {
        out.beginObject().field("x-amz-server-side-encryption", "AES256")
            .field("x-amz-version-id", chars(BASE64.substring(0, 62), 32)).endObject();
      } else {
        out.nul();
      }
      long bytesOut = error ? 243 : op.name().equals("GetObject") ? rnd.nextInt(1 << 24) : 0;
      s3AdditionalEventData(bytesOut);
      out.field("requestID", chars(ALNUM_UPPER, 16));
      s3Key = key;
      s3Bucket = bucket;
    }

    private void lambdaData() {
      String fn = "arn:aws:lambda:" + region + ":" + account + ":function:" + pick(FUNCTIONS);
      out.name("requestParameters").beginObject().field("functionName", fn)
          .field("invocationType", chance(0.7) ? "RequestResponse" : "Event").endObject();
      out.fieldNull("responseElements");
      out.name("additionalEventData").beginObject().field("functionVersion", fn + ":$LATEST")
          .endObject();
      out.field("requestID", uuid());
      s3Key = fn;
    }

    private void console(boolean failed) {
      out.fieldNull("requestParameters");
      out.name("responseElements").beginObject().field("ConsoleLogin", failed ? "Failure" : "Success")
          .endObject();
      out.name("additionalEventData").beginObject()
          .field("LoginTo", "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_"
              + region + "_" + chars(HEX, 16))
          .field("MobileVersion", "No")
          .field("MFAUsed", chance(0.7) ? "Yes" : "No")
          .endObject();
    }

    private void serviceEvent() {
      out.fieldNull("requestParameters");
      out.fieldNull("responseElements");
      if (op.name().endsWith("SecretVersionDelete")) {
        String secret = "arn:aws:secretsmanager:" + region + ":" + account + ":secret:prod/db-"
            + chars(BASE64.substring(0, 62), 6);
        out.name("additionalEventData").beginObject().field("ARN", secret)
            .field("Name", "prod/db").endObject();
        out.field("requestID", "SecretDeleteMessage:" + secret + ":" + time + ":Forced");
      } else if (op.name().equals("RotateKey")) {
        out.name("additionalEventData").beginObject().field("keyId", uuid()).endObject();
        out.field("requestID", uuid());
      } else {
        out.field("requestID", uuid());
      }
    }

    private void serviceEventDetails() {
      out.name("serviceEventDetails").beginObject();
      switch (op.name()) {
        case "SharedSnapshotVolumeCreated" -> out.field("snapshotId", hexId("snap-0", 16));
        case "RotateKey" -> out.field("keyRotationStatus", "ROTATED")
            .name("rotationDetails").beginObject().field("rotationType", "AUTOMATIC")
            .field("nextRotationDate", iamTime(epochSecond + 365L * 86400)).endObject();
        default -> out.field("status", "Completed");
      }
      out.endObject();
    }

    private void resources(String service) {
      switch (op.kind()) {
        case S3_DATA -> {
          out.name("resources").beginArray();
          if (!op.name().equals("ListObjects")) {
            out.beginObject().field("type", "AWS::S3::Object")
                .field("ARN", "arn:aws:s3:::" + s3Bucket + "/" + s3Key).endObject();
          }
          out.beginObject().field("accountId", account.isEmpty() ? accounts[0] : account)
              .field("type", "AWS::S3::Bucket").field("ARN", "arn:aws:s3:::" + s3Bucket)
              .endObject().endArray();
        }
        case LAMBDA_DATA -> out.name("resources").beginArray().beginObject()
            .field("accountId", account.isEmpty() ? accounts[0] : account)
            .field("type", "AWS::Lambda::Function").field("ARN", s3Key).endObject().endArray();
        case MANAGEMENT -> {
          if (service.equals("kms") || op.name().equals("AssumeRole")) {
            String acct = account.isEmpty() ? accounts[0] : account;
            out.name("resources").beginArray().beginObject().field("accountId", acct);
            if (service.equals("kms")) {
              out.field("type", "AWS::KMS::Key")
                  .field("ARN", "arn:aws:kms:" + region + ":" + acct + ":key/" + uuid());
            } else {
              out.field("type", "AWS::IAM::Role")
                  .field("ARN", "arn:aws:iam::" + acct + ":role/" + pick(ROLES));
            }
            out.endObject().endArray();
          }
        }
        default -> {}
      }
    }
  }
}
