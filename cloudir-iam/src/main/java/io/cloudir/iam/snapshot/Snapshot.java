package io.cloudir.iam.snapshot;

import io.cloudir.iam.catalog.ActionCatalog;
import io.cloudir.iam.eval.Result;
import io.cloudir.iam.catalog.EventActionMap;
import io.cloudir.iam.eval.Decision;
import io.cloudir.iam.internal.snapshot.Analyzer;
import io.cloudir.iam.internal.snapshot.Escalations;
import io.cloudir.iam.internal.snapshot.EventAuthorizer;
import io.cloudir.iam.internal.snapshot.Replayer;
import io.cloudir.iam.internal.snapshot.WhatCan;
import io.cloudir.iam.internal.snapshot.Entities.Entity;
import io.cloudir.iam.internal.snapshot.Entities.Kind;
import io.cloudir.iam.internal.snapshot.Model;
import io.cloudir.iam.internal.snapshot.SnapshotChecks;
import io.cloudir.iam.internal.snapshot.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The IAM state of one or several AWS accounts, loaded from files, and the questions an
 * investigator asks of it.
 *
 * <h2>Files</h2>
 *
 * <p>Each file is one of (told apart by its top-level members):
 *
 * <ul>
 *   <li>the output of {@code aws iam get-account-authorization-details} for one account (users
 *       with inline policies, groups, attached managed policies, permissions boundary and tags;
 *       groups; roles with their trust policy ({@code AssumeRolePolicyDocument}) and instance
 *       profiles; managed policies with every version and the default one). Policy documents may
 *       be JSON objects (as the AWS CLI prints them) or strings, URL-encoded (as the API returns
 *       them) or plain. Members cloudir does not use are ignored (AWS adds members over time);
 *   <li>an organization tree with SCPs and RCPs, either as {@code cloudir iam snapshot
 *       --organization} writes it from a live organization (cloudir-aws, format {@code
 *       cloudir-organization/1}: {@code Roots} / {@code Children} nodes with {@code
 *       ServiceControlPolicies} and {@code ResourceControlPolicies}) or in this hand-writable form:
 *       <pre>{@code
 * {"Organization": {
 *   "ManagementAccountId": "111111111111",
 *   "Root": {"Id": "r-ab12", "Scps": [{"Name": "FullAWSAccess", "Document": {...}}], "Rcps": [...],
 *            "OrganizationalUnits": [{"Id": "ou-ab12-prod", "Name": "Prod", "Scps": [...],
 *                                     "OrganizationalUnits": [...],
 *                                     "Accounts": [{"Id": "222222222222", "Scps": [...]}]}],
 *            "Accounts": [{"Id": "111111111111"}]}}}
 * }</pre>
 *       SCPs must allow at every level from the root through each OU down to the account (a tree
 *       without any SCP is taken as one where the SCP policy type is not enabled); RCPs
 *       apply with {@code RCPFullAWSAccess} implicit at every level. Neither affects the
 *       management account (AWS Organizations User Guide, "Service control policies (SCPs)": SCPs
 *       don't affect users or roles in the management account), nor service-linked roles;
 *   <li>resource-based policies (a cloudir format): {@code {"ResourcePolicies": [{"Arn":
 *       "arn:aws:s3:::bucket", "Account"?: "222222222222", "Policy": {...}}]}}. A bucket's policy
 *       applies to its objects; {@code Account} names the owner of resources whose ARN has no
 *       account (S3).
 * </ul>
 *
 * <p>Malformed files raise {@link SnapshotLoadException} naming the file and the JSON path.
 * Problems that do not prevent loading (an attached policy the snapshot does not hold, a truncated
 * listing) are {@link #warnings()}.
 *
 * <h2>Queries</h2>
 *
 * <p>Every query evaluates with the same engine as {@link io.cloudir.iam.eval.Evaluator}, with the
 * principal's identity-based policies (its own inline and attached policies and those of its
 * groups), its permissions boundary, the SCPs of its account, the resource's policy (a role's
 * trust policy for {@code sts:AssumeRole*}) and the RCPs of the resource's account. Context keys
 * the caller does not give are <em>unknown</em>, so an answer that depends on them is {@link
 * io.cloudir.iam.eval.Decision#CONDITIONAL} with the keys; the principal's tags ({@code
 * aws:PrincipalTag/…}) and, for IAM users and roles as resources, their tags ({@code
 * aws:ResourceTag/…}, {@code iam:ResourceTag/…}) are filled in from the snapshot. The resource's
 * account is the one the resource-policy file gives, else {@code aws:ResourceAccount} if the caller
 * gives it, else the ARN's, else (S3) the principal's.
 *
 * <p>Immutable and thread-safe. Policies are compiled on first use and cached.
 */
public final class Snapshot {
  private final Analyzer analyzer;

  private Snapshot(Model model, ActionCatalog catalog) {
    this.analyzer = new Analyzer(model, catalog);
  }

  /**
   * Loads files with the {@linkplain ActionCatalog#bundled() bundled catalog}.
   *
   * @param files the files
   * @return the snapshot
   * @throws IOException when a file cannot be read
   * @throws SnapshotLoadException when a file is not a valid snapshot file
   */
  public static Snapshot load(List<Path> files) throws IOException {
    Builder b = builder();
    for (Path f : files) {
      b.add(f.toString(), Files.readAllBytes(f));
    }
    return b.build();
  }

  /** A new builder (bundled catalog). */
  public static Builder builder() {
    return new Builder();
  }

  /** The accounts the snapshot knows (principals and organization tree), sorted. */
  public List<String> accounts() {
    return analyzer.model().accounts();
  }

  /** Every user and role, users first, in file order. */
  public List<SnapshotPrincipal> principals() {
    List<SnapshotPrincipal> out = new ArrayList<>();
    for (Entity e : analyzer.model().users().values()) {
      out.add(view(e));
    }
    for (Entity e : analyzer.model().roles().values()) {
      out.add(view(e));
    }
    return out;
  }

  /**
   * The user or role a principal ARN denotes (a user ARN, a role ARN or a role session ARN).
   *
   * @param arn the principal ARN
   * @return the principal, or empty
   */
  public Optional<SnapshotPrincipal> principal(String arn) {
    Entity e = analyzer.model().principal(arn);
    return e == null ? Optional.empty() : Optional.of(view(e));
  }

  static SnapshotPrincipal view(Entity e) {
    return new SnapshotPrincipal(e.arn(),
        e.kind() == Kind.USER ? SnapshotPrincipal.Type.USER : SnapshotPrincipal.Type.ROLE,
        e.account(), e.name(), e.path(), e.tags(), e.groups(), e.attached(),
        List.copyOf(e.inline().keySet()), e.boundary());
  }

  /** Problems found while loading that did not prevent it. */
  public List<String> warnings() {
    return analyzer.model().warnings();
  }

  /**
   * Whether a principal can perform an action on a resource.
   *
   * @param principal a user ARN, role ARN, role session ARN or account root ARN of the snapshot
   * @param action the action ({@code s3:GetObject})
   * @param resource the resource ARN
   * @param context request context keys known to the caller; others are unknown
   * @return the explained result
   * @throws IllegalArgumentException when the principal is not in the snapshot, or the action or
   *     principal is malformed
   */
  public Result canDo(
      String principal, String action, String resource, Map<String, List<String>> context) {
    return analyzer.canDo(Objects.requireNonNull(principal), Objects.requireNonNull(action),
        Objects.requireNonNull(resource), Map.copyOf(context));
  }

  /**
   * Who can perform an action on a resource: each user and role of the snapshot that is allowed
   * or conditionally allowed, directly or by assuming roles (trust policy and the assumer's
   * {@code sts:AssumeRole} permission, SCPs, boundaries — the same evaluation as {@link #canDo}),
   * and the SAML/OIDC providers whose federated users can assume such a role. For each principal
   * the best way: unconditional before conditional, then the fewest roles. Sorted by principal.
   *
   * <p>Not listed: account root users (they can do whatever the account's SCPs allow), service
   * principals, and principals of accounts the snapshot does not hold.
   *
   * @param action the action
   * @param resource the resource ARN
   * @return the principals
   */
  public List<WhoCanEntry> whoCan(String action, String resource) {
    return whoCan(action, resource, Map.of());
  }

  /**
   * {@link #whoCan(String, String)} with request context the caller knows (such as {@code
   * aws:RequestedRegion} or {@code aws:SecureTransport}), used for the final call and for every
   * role assumption on the way; other keys are unknown.
   *
   * @param action the action
   * @param resource the resource ARN
   * @param context known context keys
   * @return the principals
   */
  public List<WhoCanEntry> whoCan(
      String action, String resource, Map<String, List<String>> context) {
    List<WhoCanEntry> out = new ArrayList<>();
    for (var r : analyzer.whoCan(Objects.requireNonNull(action), Objects.requireNonNull(resource),
        Map.copyOf(context))) {
      out.add(new WhoCanEntry(r.principal(), r.decision(), r.via(), r.keys()));
    }
    return out;
  }

  /**
   * What a principal can do: every action its policies allow, expanded through the action catalog
   * ({@code s3:Get*} becomes each S3 action starting with {@code Get}), with the resource patterns
   * it is allowed on, after denies, the permissions boundary and SCPs, computed on ARN patterns
   * (covers/intersects), never by enumerating resources. Sorted by service, access level (List,
   * Read, Write, Permissions management, Tagging), then action. Includes the statements of
   * resource-based policies that name the principal's ARN. Where an allowing and a limiting pattern
   * only overlap, the allowing pattern is kept (an over-approximation; {@link #canDo} decides a
   * concrete resource exactly).
   *
   * @param principal a user, role or role session ARN of the snapshot
   * @param service a service prefix to restrict to ({@code s3}), or null for all
   * @return the allowed actions
   * @throws IllegalArgumentException when the principal is not a user or role of the snapshot
   */
  public List<WhatCanEntry> whatCan(String principal, @Nullable String service) {
    Entity e = analyzer.model().principal(Objects.requireNonNull(principal));
    if (e == null) {
      throw new IllegalArgumentException("principal not in the snapshot: " + principal);
    }
    List<WhatCanEntry> out = new ArrayList<>();
    for (WhatCan.Item i : WhatCan.of(analyzer, e, service)) {
      out.add(new WhatCanEntry(i.action(), i.service(), i.accessLevel(), i.resources(), i.except(),
          i.keys().isEmpty() ? Decision.ALLOWED : Decision.CONDITIONAL, i.keys()));
    }
    return out;
  }

  /**
   * The privilege-escalation paths of every user and role: the {@link EscalationTechnique}s it can
   * use (each needed permission evaluated like {@link #canDo}), with their targets. Sorted by
   * principal, technique, then allowed before conditional.
   *
   * @return the paths
   */
  public List<EscalationPath> escalations() {
    return Escalations.of(analyzer);
  }

  /**
   * Which policy statements allowed the call a CloudTrail event records: the event's principal
   * ({@code userIdentity.arn}: user, role session or root), each IAM action the call needed
   * ({@link EventActionMap}), the resource (the event's {@code resources}, else the S3 object or
   * bucket, or the IAM user, group, role or policy of the request, else {@code *}), and the
   * context the event shows ({@code aws:SourceIp}, {@code aws:RequestedRegion}, {@code
   * aws:CurrentTime}, {@code aws:EpochTime}, {@code aws:UserAgent}, {@code
   * aws:MultiFactorAuthPresent}, {@code aws:ViaAWSService}, {@code aws:SourceVpce}).
   *
   * @param event the event
   * @return one answer per needed action (empty when the event needs none or cannot be mapped)
   * @throws IllegalArgumentException when the event's principal is not in the snapshot
   */
  public List<EventAuthorization> authorize(CloudTrailEvent event) {
    return EventAuthorizer.authorize(analyzer, EventActionMap.bundled(), Objects.requireNonNull(event));
  }

  /**
   * The snapshot as it was (or will have been) at another time, by replaying the IAM changes of
   * {@code events} between the snapshot's time and {@code time}: forwards when {@code time} is
   * later, backwards (undoing) when earlier. See {@link Replay#warnings()} for what could not be
   * reconstructed.
   *
   * @param snapshotTime when this snapshot was taken
   * @param time the time wanted
   * @param events CloudTrail events (any order; others than IAM changes are skipped)
   * @return the replayed snapshot
   */
  public Replay at(Instant snapshotTime, Instant time, Iterable<CloudTrailEvent> events) {
    Replayer.Outcome o = Replayer.replay(analyzer.model(), Objects.requireNonNull(snapshotTime),
        Objects.requireNonNull(time), events, analyzer.catalog());
    return new Replay(new Snapshot(o.model(), analyzer.catalog()), time, o.applied(), o.skipped(),
        o.warnings());
  }

  /** Builds snapshots from files. Not thread-safe. */
  public static final class Builder {
    private final Model.Builder model = new Model.Builder();
    private ActionCatalog catalog = ActionCatalog.bundled();
    private int files;

    private Builder() {}

    /**
     * The catalog that actions are checked against and {@code whatCan} expands through.
     *
     * @param catalog the catalog
     * @return this builder
     */
    public Builder catalog(ActionCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog);
      return this;
    }

    /**
     * Adds one file.
     *
     * @param source its name in error messages
     * @param utf8 its content
     * @return this builder
     * @throws SnapshotLoadException when it is not a valid snapshot file
     */
    public Builder add(String source, byte[] utf8) {
      SnapshotReader.read(Objects.requireNonNull(source), utf8, model, catalog);
      files++;
      return this;
    }

    /**
     * Builds the snapshot.
     *
     * @return the snapshot
     * @throws IllegalStateException when no file was added
     */
    public Snapshot build() {
      if (files == 0) {
        throw new IllegalStateException("a snapshot needs at least one file");
      }
      return new Snapshot(SnapshotChecks.check(model), catalog);
    }
  }
}
