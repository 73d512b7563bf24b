#!/usr/bin/env python3
"""Writes the example incident (deterministic): CloudTrail, VPC flow logs and Route 53 Resolver
query logs in the AWS S3 key layouts, with benign background traffic around the attack.
Run from this directory: python3 generate.py"""
import gzip, json, os, random, shutil
from datetime import datetime, timedelta, timezone

ACCT = "111122223333"
REGION = "us-east-1"
DAY = datetime(2026, 3, 14, tzinfo=timezone.utc)
ATTACKER = "185.220.101.45"
OFFICE = "198.51.100.10"
VICTIM_IP = "10.0.1.25"
INSTANCE = "i-0a1b2c3d4e5f60718"
rnd = random.Random(7)
events = []
seq = [0]


def t(h, m, s=0):
    return DAY + timedelta(hours=h, minutes=m, seconds=s)


def iso(d):
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")


def ident_user(name, key, console=False):
    u = {"type": "IAMUser", "principalId": "AIDA" + name.upper().ljust(17, "X")[:17],
         "arn": f"arn:aws:iam::{ACCT}:user/{name}", "accountId": ACCT, "accessKeyId": key,
         "userName": name}
    if console:
        u["sessionContext"] = {"attributes": {"creationDate": iso(t(9, 12, 3)),
                                              "mfaAuthenticated": "false"}}
    return u


def ident_role(role, session, key):
    return {"type": "AssumedRole", "principalId": "AROAEXAMPLEROLEID0001:" + session,
            "arn": f"arn:aws:sts::{ACCT}:assumed-role/{role}/{session}", "accountId": ACCT,
            "accessKeyId": key,
            "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLEROLEID0001",
                                                 "arn": f"arn:aws:iam::{ACCT}:role/{role}",
                                                 "accountId": ACCT, "userName": role},
                               "attributes": {"creationDate": iso(t(8, 0)), "mfaAuthenticated": "false"}}}


def ev(when, source, name, ident, ip, ua, req=None, resp=None, extra=None, read_only=False):
    seq[0] += 1
    e = {"eventVersion": "1.09", "userIdentity": ident, "eventTime": iso(when),
         "eventSource": source, "eventName": name, "awsRegion": REGION,
         "sourceIPAddress": ip, "userAgent": ua, "requestParameters": req,
         "responseElements": resp, "requestID": "req-%06d" % seq[0],
         "eventID": "evt-%06d" % seq[0], "readOnly": read_only, "eventType": "AwsApiCall",
         "managementEvent": True, "recipientAccountId": ACCT, "eventCategory": "Management"}
    if extra:
        e.update(extra)
    events.append(e)
    return e


CLI = "aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64.amzn.2023"
CONSOLE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/122.0"
TF = "APN/1.0 HashiCorp/1.0 Terraform/1.7.4"

# ---------------------------------------------------------------- background
alice = ident_user("alice", "AKIAALICEEXAMPLE0001")
ci = ident_role("ci-deploy", "gh-actions-run-4411", "ASIACIDEPLOYEXAMPLE1")
for i in range(300):
    when = t(8, 0) + timedelta(seconds=i * 47 + rnd.randint(0, 20))
    k = i % 6
    if k == 0:
        ev(when, "ec2.amazonaws.com", "DescribeInstances", alice, OFFICE, CLI, {"maxResults": 100}, None, read_only=True)
    elif k == 1:
        ev(when, "s3.amazonaws.com", "ListBuckets", alice, OFFICE, CLI, {"Host": "s3.amazonaws.com"}, None, read_only=True)
    elif k == 2:
        ev(when, "cloudformation.amazonaws.com", "DescribeStacks", ci, "3.90.12.7", TF, {"stackName": "web"}, None, read_only=True)
    elif k == 3:
        ev(when, "ec2.amazonaws.com", "DescribeVolumes", alice, OFFICE, CLI, {}, None, read_only=True)
    elif k == 4:
        ev(when, "lambda.amazonaws.com", "UpdateFunctionCode20150331v2", ci, "3.90.12.7", TF,
           {"functionName": "web-api", "publish": True}, {"functionName": "web-api"})
    else:
        ev(when, "kms.amazonaws.com", "Decrypt", ci, "3.90.12.7", TF,
           {"encryptionAlgorithm": "SYMMETRIC_DEFAULT"}, None, read_only=True)
# alice logs in to the console with MFA in the morning (benign)
ev(t(8, 2, 11), "signin.amazonaws.com", "ConsoleLogin",
   {"type": "IAMUser", "principalId": "AIDAALICEXXXXXXXXXXXX", "arn": f"arn:aws:iam::{ACCT}:user/alice",
    "accountId": ACCT, "userName": "alice"}, OFFICE, CONSOLE, None, {"ConsoleLogin": "Success"},
   {"additionalEventData": {"LoginTo": "https://console.aws.amazon.com/console/home",
                            "MobileVersion": "No", "MFAUsed": "Yes"}, "eventType": "AwsConsoleSignIn"})
# a benign security group change: HTTPS from a private range
ev(t(10, 40), "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", ci, "3.90.12.7", TF,
   {"groupId": "sg-0web0000000000001", "ipPermissions": {"items": [
       {"ipProtocol": "tcp", "fromPort": 443, "toPort": 443,
        "ipRanges": {"items": [{"cidrIp": "10.0.0.0/16"}]}}]}},
   {"_return": True})

# ---------------------------------------------------------------- the attack
BOB_CONSOLE = ident_user("bob", "ASIABOBCONSOLESESS01", console=True)
# 1. console login with stolen credentials, no MFA, from an unusual place
ev(t(9, 12, 3), "signin.amazonaws.com", "ConsoleLogin",
   {"type": "IAMUser", "principalId": "AIDABOBXXXXXXXXXXXXXX", "arn": f"arn:aws:iam::{ACCT}:user/bob",
    "accountId": ACCT, "userName": "bob"}, ATTACKER, CONSOLE, None, {"ConsoleLogin": "Success"},
   {"additionalEventData": {"LoginTo": "https://console.aws.amazon.com/console/home",
                            "MobileVersion": "No", "MFAUsed": "No"}, "eventType": "AwsConsoleSignIn"})
# 2. reconnaissance
recon = [("sts.amazonaws.com", "GetCallerIdentity"), ("iam.amazonaws.com", "ListUsers"),
         ("iam.amazonaws.com", "ListRoles"), ("ec2.amazonaws.com", "DescribeInstances"),
         ("s3.amazonaws.com", "ListBuckets"), ("ec2.amazonaws.com", "DescribeSecurityGroups"),
         ("iam.amazonaws.com", "ListAttachedRolePolicies"), ("ec2.amazonaws.com", "DescribeRegions")]
for i, (src, name) in enumerate(recon):
    ev(t(9, 13, 10 + i * 17), src, name, BOB_CONSOLE, ATTACKER, CONSOLE, {}, None,
       {"sessionCredentialFromConsole": "true"}, read_only=True)
# 3. the instance role gets SSM access
ev(t(9, 18, 30), "iam.amazonaws.com", "AttachRolePolicy", BOB_CONSOLE, ATTACKER, CONSOLE,
   {"roleName": "app-instance-role", "policyArn": "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"},
   None, {"sessionCredentialFromConsole": "true"})
ev(t(9, 19, 5), "ec2.amazonaws.com", "AssociateIamInstanceProfile", BOB_CONSOLE, ATTACKER, CONSOLE,
   {"AssociateIamInstanceProfileRequest": {"InstanceId": INSTANCE,
    "IamInstanceProfile": {"Name": "app-instance-profile"}}},
   {"AssociateIamInstanceProfileResponse": {"iamInstanceProfileAssociation": {"state": "associating"}}},
   {"sessionCredentialFromConsole": "true"})
# 4. SSM session on the instance
ev(t(9, 22, 40), "ssm.amazonaws.com", "StartSession", BOB_CONSOLE, ATTACKER, CONSOLE,
   {"target": INSTANCE}, {"sessionId": "bob-0a1b2c3d4e5f", "streamUrl": "wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/bob-0a1b2c3d4e5f"},
   {"sessionCredentialFromConsole": "true"})
# 5. admin user and access key
ev(t(9, 25, 2), "iam.amazonaws.com", "CreateUser", BOB_CONSOLE, ATTACKER, CONSOLE,
   {"userName": "svc-backup"}, {"user": {"userName": "svc-backup", "arn": f"arn:aws:iam::{ACCT}:user/svc-backup"}},
   {"sessionCredentialFromConsole": "true"})
ev(t(9, 25, 31), "iam.amazonaws.com", "AttachUserPolicy", BOB_CONSOLE, ATTACKER, CONSOLE,
   {"userName": "svc-backup", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}, None,
   {"sessionCredentialFromConsole": "true"})
ev(t(9, 26, 4), "iam.amazonaws.com", "CreateAccessKey", BOB_CONSOLE, ATTACKER, CONSOLE,
   {"userName": "svc-backup"}, {"accessKey": {"userName": "svc-backup", "accessKeyId": "AKIASVCBACKUPEXAMPL1",
                                              "status": "Active"}},
   {"sessionCredentialFromConsole": "true"})
# 6. SSH opened for the attacker's address
ev(t(9, 28, 15), "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", BOB_CONSOLE, ATTACKER, CONSOLE,
   {"groupId": "sg-0app000000000001", "ipPermissions": {"items": [
       {"ipProtocol": "tcp", "fromPort": 22, "toPort": 22,
        "ipRanges": {"items": [{"cidrIp": ATTACKER + "/32"}]}}]}},
   {"_return": True}, {"sessionCredentialFromConsole": "true"})
# 9. GPU instances with the new key
svc = ident_user("svc-backup", "AKIASVCBACKUPEXAMPL1")
for i, itype in enumerate(["p3.8xlarge", "g4dn.12xlarge"]):
    ev(t(9, 40, 10 + i * 20), "ec2.amazonaws.com", "RunInstances", svc, ATTACKER, CLI,
       {"instancesSet": {"items": [{"imageId": "ami-0c55b159cbfafe1f0", "minCount": 4, "maxCount": 4}]},
        "instanceType": itype},
       {"instancesSet": {"items": [{"instanceId": "i-0gpu%012d" % i, "instanceType": itype}]}})
# 10. CloudTrail stopped
ev(t(9, 45, 0), "cloudtrail.amazonaws.com", "StopLogging", svc, ATTACKER, CLI,
   {"name": f"arn:aws:cloudtrail:{REGION}:{ACCT}:trail/management-events"}, None)

# ---------------------------------------------------------------- write CloudTrail (5-minute files)
shutil.rmtree("AWSLogs", ignore_errors=True)
events.sort(key=lambda e: (e["eventTime"], e["eventID"]))
buckets = {}
for e in events:
    d = datetime.strptime(e["eventTime"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    start = d.replace(minute=d.minute - d.minute % 15, second=0)
    buckets.setdefault(start, []).append(e)
ct = f"AWSLogs/{ACCT}/CloudTrail/{REGION}/2026/03/14"
os.makedirs(ct)
for i, (start, recs) in enumerate(sorted(buckets.items())):
    name = f"{ct}/{ACCT}_CloudTrail_{REGION}_{start.strftime('%Y%m%dT%H%MZ')}_{'%016x' % rnd.getrandbits(64)}.json"
    body = json.dumps({"Records": recs}, separators=(",", ":"))
    if i % 2 == 0:
        with gzip.open(name + ".gz", "wt", encoding="utf-8") as f:
            f.write(body)
    else:
        with open(name, "w", encoding="utf-8") as f:
            f.write(body)

# ---------------------------------------------------------------- VPC flow logs (version 2)
def epoch(d):
    return int(d.timestamp())

flows = []
ENI = "eni-0a1b2c3d4e5f60718"
for i in range(120):  # background: web traffic and NTP/DNS inside the VPC
    s = t(8, 0) + timedelta(seconds=i * 120)
    flows.append((s, f"2 {ACCT} {ENI} 203.0.113.{20 + i % 50} {VICTIM_IP} {40000 + i} 443 6 12 4200 {epoch(s)} {epoch(s) + 60} ACCEPT OK"))
    flows.append((s, f"2 {ACCT} {ENI} {VICTIM_IP} 10.0.0.2 {50000 + i} 53 17 2 180 {epoch(s)} {epoch(s) + 60} ACCEPT OK"))
# internet scanners rejected on 22
for i in range(10):
    s = t(8, 30) + timedelta(minutes=i * 7)
    flows.append((s, f"2 {ACCT} {ENI} 45.155.205.{i + 1} {VICTIM_IP} {51000 + i} 22 6 1 44 {epoch(s)} {epoch(s) + 60} REJECT OK"))
# 7. SSH from the attacker accepted, then a large egress
s = t(9, 29, 40)
flows.append((s, f"2 {ACCT} {ENI} {ATTACKER} {VICTIM_IP} 51514 22 6 310 48210 {epoch(s)} {epoch(s) + 60} ACCEPT OK"))
for i in range(6):
    s = t(9, 31) + timedelta(minutes=i)
    flows.append((s, f"2 {ACCT} {ENI} {VICTIM_IP} {ATTACKER} 443 {53000 + i} 6 310000 {450_000_000 + i * 1000} {epoch(s)} {epoch(s) + 60} ACCEPT OK"))
flows.sort(key=lambda x: x[0])
fl = f"AWSLogs/{ACCT}/vpcflowlogs/{REGION}/2026/03/14"
os.makedirs(fl)
for hour in (8, 9, 10, 11):
    lines = [l for (s, l) in flows if s.hour == hour]
    if not lines:
        continue
    name = f"{fl}/{ACCT}_vpcflowlogs_{REGION}_fl-0123456789abcdef0_20260314T{hour:02d}00Z_{'%08x' % rnd.getrandbits(32)}.log.gz"
    with gzip.open(name, "wt", encoding="utf-8") as f:
        f.write("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n")
        f.write("\n".join(lines) + "\n")

# ---------------------------------------------------------------- Route 53 Resolver query logs
def query(when, name, qtype="A", rcode="NOERROR", answer="93.184.216.34"):
    return {"version": "1.100000", "account_id": ACCT, "region": REGION, "vpc_id": "vpc-0a1b2c3d",
            "query_timestamp": iso(when), "query_name": name, "query_type": qtype, "query_class": "IN",
            "rcode": rcode, "answers": [{"Rdata": answer, "Type": qtype, "Class": "IN"}] if answer else [],
            "srcaddr": VICTIM_IP, "srcport": str(40000 + rnd.randint(0, 20000)), "transport": "UDP",
            "srcids": {"instance": INSTANCE}}

queries = []
benign = ["ssm.us-east-1.amazonaws.com.", "s3.amazonaws.com.", "api.github.com.", "registry.npmjs.org.",
          "ec2messages.us-east-1.amazonaws.com.", "sts.amazonaws.com."]
for i in range(80):
    queries.append(query(t(8, 0) + timedelta(seconds=i * 180 + rnd.randint(0, 60)), benign[i % len(benign)]))
# 8. mining pool lookups from the compromised instance
queries.append(query(t(9, 33, 12), "pool.supportxmr.com.", answer="141.94.96.144"))
queries.append(query(t(9, 33, 13), "xmr-eu1.nanopool.org.", answer="51.68.143.81"))
queries.sort(key=lambda q: q["query_timestamp"])
dns = f"AWSLogs/{ACCT}/vpcdnsquerylogs/vpc-0a1b2c3d/2026/03/14"
os.makedirs(dns)
for hour in (8, 9, 10, 11, 12):
    lines = [json.dumps(q, separators=(",", ":")) for q in queries if q["query_timestamp"][11:13] == "%02d" % hour]
    if lines:
        name = f"{dns}/vpc-0a1b2c3d_vpcdnsquerylogs_{ACCT}_20260314T{hour:02d}00Z_{'%08x' % rnd.getrandbits(32)}.log.gz"
        with gzip.open(name, "wt", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
print(len(events), "CloudTrail events,", len(flows), "flow records,", len(queries), "DNS queries")
