package io.cloudir.cli.internal;

import io.cloudir.model.LimitExceededException;
import io.cloudir.model.arn.Arn;
import io.cloudir.model.arn.ArnParseException;
import io.cloudir.model.arn.ArnPattern;
import io.cloudir.model.arn.ArnPatternException;
import io.cloudir.model.arn.Bindings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudir arn match [--var NAME=VALUE]... PATTERN ARN}: {@code {"matches": true|false}}.
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Prints {\"matches\": true} when the IAM resource pattern PATTERN matches ARN, else"
          + " {\"matches\": false}.",
      "",
      "PATTERN is written as in the Resource element of a policy: '*' matches any run of"
          + " characters and '?' one character; in the partition, service, region and account"
          + " segments they never match ':', in the resource they match anything. Matching is"
          + " case-sensitive.",
      "",
      "Policy variables (${aws:username}, ${aws:PrincipalTag/team, 'none'}) behave as in IAM:"
          + " a variable takes the value given with --var (names compare ignoring case; the value"
          + " is literal text, a '*' in it is no wildcard); a variable without a value takes its"
          + " default if it has one, and otherwise the pattern matches nothing. Giving the same"
          + " --var name several times gives it several values: the pattern matches when it"
          + " matches with any of them. ${*}, ${?} and ${$} are a literal *, ? and $.",
      "",
      "An invalid PATTERN (a malformed ${...}) or ARN prints {\"error\": \"...\"} naming the"
          + " position of the problem."
    },
    footer = {"", "Exit codes: 0 matched or not, 2 invalid pattern or ARN, 1 usage error."})
final class ArnMatchCommand implements Callable<Integer> {
  private final Io io;

  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      description = "Binds the policy variable NAME (such as aws:username) to VALUE. Repeatable.")
  List<String> vars = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "PATTERN", description = "The resource pattern.")
  String pattern = "";

  @Parameters(index = "1", paramLabel = "ARN", description = "The ARN.")
  String arn = "";

  ArnMatchCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String v : vars) {
      int eq = v.indexOf('=');
      if (eq <= 0) {
        io.err().println("cloudir: --var expects NAME=VALUE, got: " + v);
        io.err().flush();
        return Cli.ERROR;
      }
      values.computeIfAbsent(v.substring(0, eq), k -> new ArrayList<>()).add(v.substring(eq + 1));
    }
    ArnPattern p;
    try {
      p = ArnPattern.parse(pattern);
    } catch (ArnPatternException e) {
      return invalid("invalid pattern: " + e.getMessage());
    }
    Arn a;
    try {
      a = Arn.parse(arn);
    } catch (ArnParseException e) {
      return invalid("invalid ARN: " + e.getMessage());
    }
    boolean matches = false;
    try {
      for (ArnPattern bound : p.bind(Bindings.of(values))) {
        if (bound.matches(a)) {
          matches = true;
          break;
        }
      }
    } catch (LimitExceededException e) {
      io.err().println("cloudir: " + e.getMessage());
      io.err().flush();
      return Cli.ERROR;
    }
    io.out().println("{\"matches\":" + matches + "}");
    io.out().flush();
    return Cli.OK;
  }

  private int invalid(String message) {
    io.out().println(ArnParseCommand.errorJson(message));
    io.out().flush();
    io.err().println("cloudir: " + message);
    io.err().flush();
    return Cli.REJECTED;
  }
}
