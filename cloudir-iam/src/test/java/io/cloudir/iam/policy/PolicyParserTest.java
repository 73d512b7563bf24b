package io.cloudir.iam.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.iam.catalog.ActionCatalog;
import io.cloudir.model.MalformedInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strict policy parsing (IAM User Guide, "IAM JSON policy element reference" and "Grammar of the
 * IAM JSON policy language").
 */
class PolicyParserTest {

  private static Policy parse(String json) {
    return Policy.parse(json, null);
  }

  private static String path(String json) {
    PolicyParseException e = assertThrows(PolicyParseException.class, () -> parse(json));
    assertTrue(e instanceof MalformedInputException);
    return String.valueOf(e.location().jsonPath());
  }

  @Test
  void statementObjectOrArrayAndAllElements() {
    Policy p = parse("{\"Version\":\"2012-10-17\",\"Id\":\"x\",\"Statement\":{\"Sid\":\"S1\","
        + "\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"111122223333\","
        + "\"arn:aws:iam::111122223333:user/a\"],\"Service\":\"s3.amazonaws.com\","
        + "\"Federated\":\"accounts.google.com\",\"CanonicalUser\":\"79a59df900b949e5\"},"
        + "\"NotAction\":[\"s3:Get*\",\"ec2:*\"],\"NotResource\":\"arn:aws:s3:::b/*\","
        + "\"Condition\":{\"ForAnyValue:StringLikeIfExists\":{\"aws:TagKeys\":[\"a*\",\"b\"]},"
        + "\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":3600},\"Bool\":{\"aws:SecureTransport\":false}}}}");
    assertEquals(PolicyVersion.V2012_10_17, p.version());
    assertEquals("x", p.id());
    Statement s = p.statements().get(0);
    assertEquals("$.Statement", s.jsonPath());
    assertEquals("S1", s.sid());
    assertEquals(Effect.DENY, s.effect());
    assertTrue(s.notPrincipal() && s.notAction() && s.notResource());
    assertEquals(List.of("111122223333", "arn:aws:iam::111122223333:user/a"), s.principals().aws());
    assertEquals(List.of("s3.amazonaws.com"), s.principals().service());
    assertEquals(3, s.conditions().size());
    Condition c = s.conditions().get(0);
    assertEquals(ConditionOperator.SetQualifier.FOR_ANY_VALUE, c.operator().qualifier());
    assertTrue(c.operator().ifExists());
    assertEquals(ConditionOperator.Base.STRING_LIKE, c.operator().base());
    assertEquals(List.of("3600"), s.conditions().get(1).values());
    assertEquals(List.of("false"), s.conditions().get(2).values());
  }

  @Test
  void principalStarAndAwsStar() {
    Policy p = parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\"},"
        + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:*\"}]}");
    assertTrue(p.statements().get(0).principals().wildcard());
    assertTrue(p.statements().get(1).principals().matchesEveryone());
    assertNull(p.statements().get(0).resources(), "a trust policy has no Resource");
    assertEquals(PolicyVersion.V2008_10_17, p.version(), "no Version means 2008-10-17");
    assertFalse(p.versionGiven());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // duplicate keys at every level
    "{'Statement':[],'Statement':[]}|$.Statement",
    "{'Statement':[{'Effect':'Allow','Effect':'Deny','Action':'*'}]}|$.Statement[0].Effect",
    "{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'Bool':{'aws:SecureTransport':'true','aws:SecureTransport':'false'}}}]}|$.Statement[0].Condition.Bool['aws:SecureTransport']",
    "{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'Bool':{'aws:SecureTransport':'true','AWS:securetransport':'false'}}}]}|$.Statement[0].Condition.Bool['AWS:securetransport']",
    // unknown elements
    "{'Statement':[{'Effect':'Allow','Action':'*'}],'Foo':1}|$.Foo",
    "{'Statement':[{'Effect':'Allow','Action':'*'},{'Effect':'Allow','Action':'*','Resources':'*'}]}|$.Statement[1].Resources",
    "{'Statement':[{'Effect':'Allow','Action':'*','Principal':{'Aws':'*'}}]}|$.Statement[0].Principal.Aws",
    // wrong types and values
    "{'Version':2012,'Statement':[{'Effect':'Allow','Action':'*'}]}|$.Version",
    "{'Version':'2013-01-01','Statement':[{'Effect':'Allow','Action':'*'}]}|$.Version",
    "{'Statement':'x'}|$.Statement",
    "{'Statement':[]}|$.Statement",
    "{'Statement':[{'Effect':'allow','Action':'*'}]}|$.Statement[0].Effect",
    "{'Statement':[{'Effect':'Allow','Action':[]}]}|$.Statement[0].Action",
    "{'Statement':[{'Effect':'Allow','Action':['s3:GetObject',3]}]}|$.Statement[0].Action[1]",
    "{'Statement':[{'Effect':'Allow','Action':'GetObject'}]}|$.Statement[0].Action",
    "{'Statement':[{'Effect':'Allow'}]}|$.Statement[0]",
    "{'Statement':[{'Effect':'Allow','Action':'*','NotAction':'*'}]}|$.Statement[0].NotAction",
    "{'Statement':[{'Effect':'Allow','Action':'*','Resource':'bucket'}]}|$.Statement[0].Resource",
    "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'arn:aws:s3:::${aws:username'}]}|$.Statement[0].Resource",
    "{'Statement':[{'Effect':'Allow','Action':'*','Principal':'arn:aws:iam::111122223333:root'}]}|$.Statement[0].Principal",
    "{'Statement':[{'Effect':'Allow','Action':'*','Principal':{'AWS':'arn:aws:iam::111122223333:role/*'}}]}|$.Statement[0].Principal.AWS",
    "{'Statement':[{'Effect':'Allow','Action':'*','Principal':{'AWS':['111122223333','bob']}}]}|$.Statement[0].Principal.AWS[1]",
    // condition operators and values
    "{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'StringEqualz':{'a:b':'c'}}}]}|$.Statement[0].Condition.StringEqualz",
    "{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'NullIfExists':{'a:b':'true'}}}]}|$.Statement[0].Condition.NullIfExists",
    "{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'Null':{'a:b':'yes'}}}]}|$.Statement[0].Condition.Null['a:b']",
    "{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'NumericEquals':{'a:b':['1','x']}}}]}|$.Statement[0].Condition.NumericEquals['a:b'][1]",
    "{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'DateLessThan':{'aws:CurrentTime':'yesterday'}}}]}|$.Statement[0].Condition.DateLessThan['aws:CurrentTime']",
    "{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'IpAddress':{'aws:SourceIp':'10.0.0.0/33'}}}]}|$.Statement[0].Condition.IpAddress['aws:SourceIp']",
    "{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'BinaryEquals':{'k:b':'not base64!'}}}]}|$.Statement[0].Condition.BinaryEquals['k:b']",
    "{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'StringEquals':{'a:b':{'x':1}}}}]}|$.Statement[0].Condition.StringEquals['a:b']",
    "{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'StringEquals':{}}}]}|$.Statement[0].Condition.StringEquals",
    "{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'StringEquals':{'a:b':[]}}}]}|$.Statement[0].Condition.StringEquals['a:b']",
  })
  void errorsNameTheJsonPath(String json, String expectedPath) {
    assertEquals(expectedPath, path(json.replace('\'', '"')));
  }

  @Test
  void notJsonIsAParseErrorAtTheRoot() {
    assertEquals("$", path("{\"Statement\":"));
    assertEquals("$", path("[1]"));
  }

  @Test
  void version2008HasNoPolicyVariables() {
    // IAM User Guide, "IAM JSON policy elements: Version": variables need 2012-10-17; in
    // 2008-10-17 ${...} is literal text, so an unterminated ${ is not an error there.
    Policy p = parse("{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
        + "\"Resource\":\"arn:aws:s3:::${aws:username\"}]}");
    assertFalse(p.version().hasVariables());
  }

  @Test
  void unknownActionsAreWarningsNotSilentlyAccepted() {
    Policy p = Policy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":[\"s3:GetObject\",\"s3:GetObjekt\",\"nosuchsvc:Do\",\"s3:Get*\"],\"Resource\":\"*\"}]}",
        ActionCatalog.bundled());
    assertEquals(2, p.warnings().size(), p.warnings().toString());
    assertEquals("$.Statement[0].Action[1]", p.warnings().get(0).jsonPath());
    assertEquals("$.Statement[0].Action[2]", p.warnings().get(1).jsonPath());
  }

  @Test
  void operatorNamesRoundTrip() {
    for (ConditionOperator.Base b : ConditionOperator.Base.values()) {
      for (ConditionOperator.SetQualifier q : ConditionOperator.SetQualifier.values()) {
        for (boolean ifExists : new boolean[] {false, true}) {
          String text = q.prefix() + b.text() + (ifExists ? "IfExists" : "");
          ConditionOperator op = ConditionOperator.tryParse(text);
          if (b == ConditionOperator.Base.NULL && (ifExists || q != ConditionOperator.SetQualifier.NONE)) {
            assertNull(op, text);
          } else {
            assertEquals(text, String.valueOf(op));
          }
        }
      }
    }
    assertNull(ConditionOperator.tryParse("stringequals"), "operator names are case-sensitive");
  }
}
