package io.cloudir.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

class AccountSnapshotsTest {
  static final RetryPolicy FAST = new RetryPolicy(3, Duration.ZERO, Duration.ZERO);
  static final ObjectMapper JSON = new ObjectMapper();

  /** IAM returns policy documents percent-encoded (spaces as %20, a plus as %2B). */
  static String enc(String doc) {
    return URLEncoder.encode(doc, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static final String ALLOW_ALL =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}";
  static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringLike\":{\"aws:PrincipalTag/x\":\"a+b c\"}}}]}";

  static String page(String result) {
    return "<GetAccountAuthorizationDetailsResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
        + "<GetAccountAuthorizationDetailsResult>" + result + "</GetAccountAuthorizationDetailsResult>"
        + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetAccountAuthorizationDetailsResponse>";
  }

  static final String PAGE_1 = page("<IsTruncated>true</IsTruncated><Marker>m-2</Marker>"
      + "<UserDetailList><member><Path>/</Path><UserName>alice</UserName><UserId>AIDA1</UserId>"
      + "<Arn>arn:aws:iam::111122223333:user/alice</Arn><CreateDate>2024-01-02T03:04:05Z</CreateDate>"
      + "<UserPolicyList><member><PolicyName>inline</PolicyName><PolicyDocument>" + enc(ALLOW_ALL)
      + "</PolicyDocument></member></UserPolicyList><GroupList><member>admins</member></GroupList>"
      + "<AttachedManagedPolicies><member><PolicyName>ReadOnlyAccess</PolicyName>"
      + "<PolicyArn>arn:aws:iam::aws:policy/ReadOnlyAccess</PolicyArn></member></AttachedManagedPolicies>"
      + "<Tags/></member></UserDetailList>"
      + "<GroupDetailList><member><Path>/</Path><GroupName>admins</GroupName><GroupId>AGPA1</GroupId>"
      + "<Arn>arn:aws:iam::111122223333:group/admins</Arn><CreateDate>2024-01-02T03:04:05Z</CreateDate>"
      + "<GroupPolicyList/><AttachedManagedPolicies/></member></GroupDetailList>"
      + "<RoleDetailList/><Policies/>");

  static final String PAGE_2 = page("<IsTruncated>false</IsTruncated><UserDetailList/><GroupDetailList/>"
      + "<RoleDetailList><member><Path>/</Path><RoleName>web</RoleName><RoleId>AROA1</RoleId>"
      + "<Arn>arn:aws:iam::111122223333:role/web</Arn><CreateDate>2024-05-06T07:08:09Z</CreateDate>"
      + "<AssumeRolePolicyDocument>" + enc(TRUST) + "</AssumeRolePolicyDocument>"
      + "<InstanceProfileList><member><Path>/</Path><InstanceProfileName>web</InstanceProfileName>"
      + "<InstanceProfileId>AIPA1</InstanceProfileId><Arn>arn:aws:iam::111122223333:instance-profile/web</Arn>"
      + "<CreateDate>2024-05-06T07:08:09Z</CreateDate><Roles><member><Path>/</Path><RoleName>web</RoleName>"
      + "<RoleId>AROA1</RoleId><Arn>arn:aws:iam::111122223333:role/web</Arn>"
      + "<CreateDate>2024-05-06T07:08:09Z</CreateDate><AssumeRolePolicyDocument>" + enc(TRUST)
      + "</AssumeRolePolicyDocument></member></Roles></member></InstanceProfileList>"
      + "<RolePolicyList/><AttachedManagedPolicies/>"
      + "<PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType>"
      + "<PermissionsBoundaryArn>arn:aws:iam::111122223333:policy/boundary</PermissionsBoundaryArn></PermissionsBoundary>"
      + "<Tags><member><Key>team</Key><Value>web</Value></member></Tags>"
      + "<RoleLastUsed><LastUsedDate>2026-03-01T00:00:00Z</LastUsedDate><Region>us-east-1</Region></RoleLastUsed>"
      + "</member></RoleDetailList>"
      + "<Policies><member><PolicyName>boundary</PolicyName><PolicyId>ANPA1</PolicyId>"
      + "<Arn>arn:aws:iam::111122223333:policy/boundary</Arn><Path>/</Path><DefaultVersionId>v2</DefaultVersionId>"
      + "<AttachmentCount>0</AttachmentCount><PermissionsBoundaryUsageCount>1</PermissionsBoundaryUsageCount>"
      + "<IsAttachable>true</IsAttachable><CreateDate>2024-01-01T00:00:00Z</CreateDate>"
      + "<UpdateDate>2024-02-01T00:00:00Z</UpdateDate><PolicyVersionList><member><Document>" + enc(ALLOW_ALL)
      + "</Document><VersionId>v2</VersionId><IsDefaultVersion>true</IsDefaultVersion>"
      + "<CreateDate>2024-02-01T00:00:00Z</CreateDate></member></PolicyVersionList></member></Policies>");

  static AccountSnapshots snapshots(ReplayServer srv) {
    return AccountSnapshots.of(srv.client(IamClient.builder()), srv.client(OrganizationsClient.builder()),
        srv.client(CloudTrailClient.builder()), FAST);
  }

  @Test
  void authorizationDetailsMergePagesInTheCliShape() throws Exception {
    try (ReplayServer srv = new ReplayServer()) {
      srv.script("GetAccountAuthorizationDetails", ReplayServer.Reply.xml(PAGE_1),
          ReplayServer.Reply.xmlError(400, "Throttling", "Rate exceeded"), ReplayServer.Reply.xml(PAGE_2));
      JsonNode j = JSON.readTree(snapshots(srv).authorizationDetailsJson());
      assertEquals(1, j.get("UserDetailList").size());
      JsonNode alice = j.get("UserDetailList").get(0);
      assertEquals("alice", alice.get("UserName").asText());
      assertEquals("2024-01-02T03:04:05+00:00", alice.get("CreateDate").asText());
      assertEquals(JSON.readTree(ALLOW_ALL), alice.get("UserPolicyList").get(0).get("PolicyDocument"));
      assertEquals("admins", alice.get("GroupList").get(0).asText());
      assertEquals("arn:aws:iam::aws:policy/ReadOnlyAccess",
          alice.get("AttachedManagedPolicies").get(0).get("PolicyArn").asText());
      assertEquals(1, j.get("GroupDetailList").size());
      JsonNode web = j.get("RoleDetailList").get(0);
      assertEquals(JSON.readTree(TRUST), web.get("AssumeRolePolicyDocument"), "a plus stays a plus");
      assertEquals(JSON.readTree(TRUST),
          web.get("InstanceProfileList").get(0).get("Roles").get(0).get("AssumeRolePolicyDocument"));
      assertEquals("Policy", web.get("PermissionsBoundary").get("PermissionsBoundaryType").asText());
      assertEquals("web", web.get("Tags").get(0).get("Value").asText());
      assertEquals("us-east-1", web.get("RoleLastUsed").get("Region").asText());
      JsonNode pol = j.get("Policies").get(0);
      assertEquals(1, pol.get("PermissionsBoundaryUsageCount").asInt());
      assertTrue(pol.get("IsAttachable").asBoolean());
      assertEquals(JSON.readTree(ALLOW_ALL), pol.get("PolicyVersionList").get(0).get("Document"));
      assertTrue(srv.bodies("GetAccountAuthorizationDetails").get(2).contains("Marker=m-2"));
    }
  }

  @Test
  void aPolicyDocumentThatIsNotJsonIsReportedWithItsPath() throws Exception {
    try (ReplayServer srv = new ReplayServer()) {
      srv.script("GetAccountAuthorizationDetails", ReplayServer.Reply.xml(page(
          "<IsTruncated>false</IsTruncated><UserDetailList/><GroupDetailList/><RoleDetailList>"
              + "<member><RoleName>r</RoleName><AssumeRolePolicyDocument>%7Bnot</AssumeRolePolicyDocument>"
              + "</member></RoleDetailList><Policies/>")));
      AwsSourceException e = assertThrows(AwsSourceException.class, () -> snapshots(srv).authorizationDetailsJson());
      assertEquals("$.RoleDetailList[0].AssumeRolePolicyDocument", e.location().jsonPath());
    }
  }

  @Test
  void truncatedWithoutMarkerIsMalformed() throws Exception {
    try (ReplayServer srv = new ReplayServer()) {
      srv.script("GetAccountAuthorizationDetails", ReplayServer.Reply.xml(page(
          "<IsTruncated>true</IsTruncated><UserDetailList/><GroupDetailList/><RoleDetailList/><Policies/>")));
      AwsSourceException e = assertThrows(AwsSourceException.class, () -> snapshots(srv).authorizationDetailsJson());
      assertTrue(e.reason().contains("Marker"), e.reason());
    }
  }

  static String body(String json, String field) {
    try {
      JsonNode n = JSON.readTree(json).get(field);
      return n == null ? "" : n.asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String policy(String id, String name, boolean aws) {
    return "{\"Id\":\"" + id + "\",\"Arn\":\"arn:aws:organizations::111111111111:policy/o-abc/" + id
        + "\",\"Name\":\"" + name + "\",\"Type\":\"SERVICE_CONTROL_POLICY\",\"AwsManaged\":" + aws + "}";
  }

  @Test
  void organizationTreeWithScpsAndRcps() throws Exception {
    AtomicInteger describes = new AtomicInteger();
    try (ReplayServer srv = new ReplayServer()) {
      srv.script("DescribeOrganization", ReplayServer.Reply.json("{\"Organization\":{\"Id\":\"o-abc\","
          + "\"Arn\":\"arn:aws:organizations::111111111111:organization/o-abc\",\"FeatureSet\":\"ALL\","
          + "\"MasterAccountId\":\"111111111111\"}}"));
      srv.script("ListRoots", ReplayServer.Reply.json(
          "{\"Roots\":[{\"Id\":\"r-ab12\",\"Arn\":\"arn:root\",\"Name\":\"Root\",\"PolicyTypes\":[]}]}"));
      srv.handle("ListOrganizationalUnitsForParent", b -> {
        String parent = body(b, "ParentId");
        if (parent.equals("r-ab12") && body(b, "NextToken").isEmpty()) {
          return ReplayServer.Reply.json("{\"OrganizationalUnits\":[{\"Id\":\"ou-2\",\"Arn\":\"arn:ou2\",\"Name\":\"Sandbox\"}],\"NextToken\":\"more\"}");
        }
        if (parent.equals("r-ab12")) {
          return ReplayServer.Reply.json("{\"OrganizationalUnits\":[{\"Id\":\"ou-1\",\"Arn\":\"arn:ou1\",\"Name\":\"Prod\"}]}");
        }
        return ReplayServer.Reply.json("{\"OrganizationalUnits\":[]}");
      });
      srv.handle("ListAccountsForParent", b -> {
        String parent = body(b, "ParentId");
        String acct = switch (parent) {
          case "r-ab12" -> "111111111111";
          case "ou-1" -> "222222222222";
          default -> null;
        };
        return ReplayServer.Reply.json(acct == null ? "{\"Accounts\":[]}" : "{\"Accounts\":[{\"Id\":\"" + acct
            + "\",\"Arn\":\"arn:acct\",\"Email\":\"a@example.com\",\"Name\":\"n" + acct + "\",\"Status\":\"ACTIVE\"}]}");
      });
      srv.script("ListPoliciesForTarget", ReplayServer.Reply.jsonError(400, "TooManyRequestsException", "slow"));
      srv.handle("ListPoliciesForTarget", b -> {
        String target = body(b, "TargetId");
        boolean scp = body(b, "Filter").equals("SERVICE_CONTROL_POLICY");
        String list = "";
        if (scp && target.equals("r-ab12")) {
          list = policy("p-full", "FullAWSAccess", true);
        } else if (scp && target.equals("ou-1")) {
          list = policy("p-deny", "DenyLeave", false) + "," + policy("p-full", "FullAWSAccess", true);
        } else if (!scp && target.equals("r-ab12")) {
          list = policy("p-rcp", "RCPFullAWSAccess", true);
        }
        return ReplayServer.Reply.json("{\"Policies\":[" + list + "]}");
      });
      srv.handle("DescribePolicy", b -> {
        describes.incrementAndGet();
        String id = body(b, "PolicyId");
        String content = id.equals("p-deny")
            ? "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}"
            : ALLOW_ALL;
        return ReplayServer.Reply.json("{\"Policy\":{\"PolicySummary\":" + policy(id, id, false)
            + ",\"Content\":" + io.cloudir.aws.internal.Json.quote(content) + "}}");
      });
      JsonNode j = JSON.readTree(snapshots(srv).organizationJson());
      assertEquals("cloudir-organization/1", j.get("Format").asText());
      assertEquals("o-abc", j.get("Organization").get("Id").asText());
      JsonNode root = j.get("Roots").get(0);
      assertEquals("ROOT", root.get("Type").asText());
      assertEquals("p-full", root.get("ServiceControlPolicies").get(0).get("Id").asText());
      assertEquals(JSON.readTree(ALLOW_ALL), root.get("ServiceControlPolicies").get(0).get("Content"));
      assertEquals("p-rcp", root.get("ResourceControlPolicies").get(0).get("Id").asText());
      JsonNode children = root.get("Children");
      assertEquals(3, children.size(), "both pages of OUs, then the account");
      assertEquals("ou-1", children.get(0).get("Id").asText());
      assertEquals("ou-2", children.get(1).get("Id").asText());
      assertEquals("ACCOUNT", children.get(2).get("Type").asText());
      JsonNode prod = children.get(0);
      assertEquals(2, prod.get("ServiceControlPolicies").size());
      assertEquals("Deny", prod.get("ServiceControlPolicies").get(0).get("Content")
          .get("Statement").get(0).get("Effect").asText());
      assertEquals("222222222222", prod.get("Children").get(0).get("Id").asText());
      assertEquals(0, prod.get("ResourceControlPolicies").size());
      assertEquals(3, describes.get(), "each policy described once");
    }
  }

  @Test
  void publicKeysAllPagesInTheCliShape() throws Exception {
    byte[] der1 = {0x30, 0x0a, 0x02, 0x03, 1, 0, 1};
    byte[] der2 = {0x30, 0x0b, 0x02, 0x04, 2, 2, 2, 2};
    try (ReplayServer srv = new ReplayServer()) {
      srv.script("ListPublicKeys",
          ReplayServer.Reply.json("{\"PublicKeyList\":[{\"Value\":\"" + Base64.getEncoder().encodeToString(der1)
              + "\",\"ValidityStartTime\":1772323200,\"ValidityEndTime\":1773532800,\"Fingerprint\":\"aa11\"}],"
              + "\"NextToken\":\"k2\"}"),
          ReplayServer.Reply.json("{\"PublicKeyList\":[{\"Value\":\"" + Base64.getEncoder().encodeToString(der2)
              + "\",\"ValidityStartTime\":1773532800,\"ValidityEndTime\":1774742400,\"Fingerprint\":\"bb22\"}]}"));
      JsonNode j = JSON.readTree(snapshots(srv).publicKeysJson(null, null));
      JsonNode keys = j.get("PublicKeyList");
      assertEquals(2, keys.size());
      assertEquals(Base64.getEncoder().encodeToString(der1), keys.get(0).get("Value").asText());
      assertEquals("aa11", keys.get(0).get("Fingerprint").asText());
      assertEquals("2026-03-01T00:00:00+00:00", keys.get(0).get("ValidityStartTime").asText());
      assertEquals("bb22", keys.get(1).get("Fingerprint").asText());
      assertTrue(srv.bodies("ListPublicKeys").get(1).contains("\"NextToken\":\"k2\""));
    }
  }
}
