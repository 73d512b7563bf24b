package io.cloudir.cli.internal;

import io.cloudir.iam.catalog.ActionCatalog;
import io.cloudir.model.arn.Arn;
import io.cloudir.model.arn.ArnParseException;
import io.cloudir.model.internal.json.JsonStrings;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudir arn parse ARN...}: one JSON line per argument, in order (see {@link ArnParts}
 * for the keys and the resource split); an invalid ARN gives {@code {"error": "..."}} on standard
 * output (and a message on standard error) and makes the exit code 2, the other arguments are
 * still printed.
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Prints one JSON object per ARN, in argument order, with the keys partition, service,"
          + " region, account, resource, resourceType, resourceId, qualifier (null when absent;"
          + " an empty region or account is null).",
      "",
      "Where the bundled action catalog knows the ARN's resource type, resourceType is the"
          + " catalog's name for it (object, bucket, role, function alias, log-stream...) and"
          + " the resource is read against that type's ARN template: each template variable"
          + " takes the shortest value that lets the rest match; resourceId is the first"
          + " variable of the resource part (cut at its first ':' when it ends the template);"
          + " qualifier is what follows the id and one separator, or null. So"
          + " arn:aws:s3:::b/k/x gives object, b, k/x; ...:function:f:PROD gives function alias,"
          + " f, PROD; ...:log-group:g:* gives log-group, g, *; an IAM role keeps its path in the"
          + " id (the template's variable is RoleNameWithPath). sts assumed-role and"
          + " federated-user ARNs are read like the iam templates of those types.",
      "",
      "Otherwise the model's split is used: for most services the first '/' or ':' separates"
          + " type from id, and there is no qualifier.",
      "",
      "An invalid ARN prints {\"error\": \"...\"} naming the segment and the character index"
          + " of the problem; the other ARNs are still printed."
    },
    footer = {"", "Exit codes: 0 all ARNs valid, 2 some ARN invalid, 1 usage error."})
final class ArnParseCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(paramLabel = "ARN", arity = "1..*", description = "The ARNs to parse.")
  List<String> arns = new ArrayList<>();

  ArnParseCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    PrintStream out = io.out();
    boolean invalid = false;
    for (String text : arns) {
      Arn arn;
      try {
        arn = Arn.parse(text);
      } catch (ArnParseException e) {
        invalid = true;
        out.println(errorJson(String.valueOf(e.getMessage())));
        io.err().println("cloudir: invalid ARN " + JsonStrings.quote(text) + ": " + e.getMessage());
        continue;
      }
      out.println(ArnParts.of(arn, ActionCatalog::bundled).toJson());
    }
    out.flush();
    io.err().flush();
    return invalid ? Cli.REJECTED : Cli.OK;
  }

  /** {@code {"error":"…"}}. */
  static String errorJson(String message) {
    return JsonStrings.quote(new StringBuilder("{\"error\":"), message).append('}').toString();
  }
}
