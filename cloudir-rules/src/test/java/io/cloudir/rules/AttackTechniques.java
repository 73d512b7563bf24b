package io.cloudir.rules;

import java.util.Map;

/**
 * The MITRE ATT&CK Enterprise techniques (v16) the built-in pack may name, with their names: a rule
 * naming an id outside this list fails the build, so a typo or a made-up sub-technique is caught.
 * Add a technique here (with its ATT&CK name) when a new rule needs it.
 */
final class AttackTechniques {
  private static final Map<String, String> KNOWN = Map.ofEntries(
      Map.entry("T1020", "Automated Exfiltration"),
      Map.entry("T1020.001", "Automated Exfiltration: Traffic Duplication"),
      Map.entry("T1021.004", "Remote Services: SSH"),
      Map.entry("T1021.001", "Remote Services: Remote Desktop Protocol"),
      Map.entry("T1021.007", "Remote Services: Cloud Services"),
      Map.entry("T1021.008", "Remote Services: Direct Cloud VM Connections"),
      Map.entry("T1040", "Network Sniffing"),
      Map.entry("T1046", "Network Service Discovery"),
      Map.entry("T1048", "Exfiltration Over Alternative Protocol"),
      Map.entry("T1069.003", "Permission Groups Discovery: Cloud Groups"),
      Map.entry("T1070", "Indicator Removal"),
      Map.entry("T1071.004", "Application Layer Protocol: DNS"),
      Map.entry("T1078", "Valid Accounts"),
      Map.entry("T1078.001", "Valid Accounts: Default Accounts"),
      Map.entry("T1078.004", "Valid Accounts: Cloud Accounts"),
      Map.entry("T1087.004", "Account Discovery: Cloud Account"),
      Map.entry("T1098", "Account Manipulation"),
      Map.entry("T1098.001", "Account Manipulation: Additional Cloud Credentials"),
      Map.entry("T1098.003", "Account Manipulation: Additional Cloud Roles"),
      Map.entry("T1098.004", "Account Manipulation: SSH Authorized Keys"),
      Map.entry("T1110", "Brute Force"),
      Map.entry("T1110.001", "Brute Force: Password Guessing"),
      Map.entry("T1110.003", "Brute Force: Password Spraying"),
      Map.entry("T1133", "External Remote Services"),
      Map.entry("T1136.003", "Create Account: Cloud Account"),
      Map.entry("T1190", "Exploit Public-Facing Application"),
      Map.entry("T1195.002", "Supply Chain Compromise: Compromise Software Supply Chain"),
      Map.entry("T1199", "Trusted Relationship"),
      Map.entry("T1201", "Password Policy Discovery"),
      Map.entry("T1204.003", "User Execution: Malicious Image"),
      Map.entry("T1484.002", "Domain or Tenant Policy Modification: Trust Modification"),
      Map.entry("T1485", "Data Destruction"),
      Map.entry("T1485.001", "Data Destruction: Lifecycle-Triggered Deletion"),
      Map.entry("T1486", "Data Encrypted for Impact"),
      Map.entry("T1490", "Inhibit System Recovery"),
      Map.entry("T1496", "Resource Hijacking"),
      Map.entry("T1496.001", "Resource Hijacking: Compute Hijacking"),
      Map.entry("T1496.004", "Resource Hijacking: Cloud Service Hijacking"),
      Map.entry("T1498", "Network Denial of Service"),
      Map.entry("T1499", "Endpoint Denial of Service"),
      Map.entry("T1518", "Software Discovery"),
      Map.entry("T1525", "Implant Internal Image"),
      Map.entry("T1526", "Cloud Service Discovery"),
      Map.entry("T1530", "Data from Cloud Storage"),
      Map.entry("T1531", "Account Access Removal"),
      Map.entry("T1535", "Unused/Unsupported Cloud Regions"),
      Map.entry("T1537", "Transfer Data to Cloud Account"),
      Map.entry("T1538", "Cloud Service Dashboard"),
      Map.entry("T1548", "Abuse Elevation Control Mechanism"),
      Map.entry("T1548.005", "Abuse Elevation Control Mechanism: Temporary Elevated Cloud Access"),
      Map.entry("T1550.001", "Use Alternate Authentication Material: Application Access Token"),
      Map.entry("T1552", "Unsecured Credentials"),
      Map.entry("T1552.001", "Unsecured Credentials: Credentials In Files"),
      Map.entry("T1552.005", "Unsecured Credentials: Cloud Instance Metadata API"),
      Map.entry("T1555.006", "Credentials from Password Stores: Cloud Secrets Management Stores"),
      Map.entry("T1556", "Modify Authentication Process"),
      Map.entry("T1556.006", "Modify Authentication Process: Multi-Factor Authentication"),
      Map.entry("T1562", "Impair Defenses"),
      Map.entry("T1562.001", "Impair Defenses: Disable or Modify Tools"),
      Map.entry("T1562.007", "Impair Defenses: Disable or Modify Cloud Firewall"),
      Map.entry("T1562.008", "Impair Defenses: Disable or Modify Cloud Logs"),
      Map.entry("T1567", "Exfiltration Over Web Service"),
      Map.entry("T1568.002", "Dynamic Resolution: Domain Generation Algorithms"),
      Map.entry("T1571", "Non-Standard Port"),
      Map.entry("T1578", "Modify Cloud Compute Infrastructure"),
      Map.entry("T1578.001", "Modify Cloud Compute Infrastructure: Create Snapshot"),
      Map.entry("T1578.002", "Modify Cloud Compute Infrastructure: Create Cloud Instance"),
      Map.entry("T1578.003", "Modify Cloud Compute Infrastructure: Delete Cloud Instance"),
      Map.entry("T1578.005", "Modify Cloud Compute Infrastructure: Modify Cloud Compute Configurations"),
      Map.entry("T1580", "Cloud Infrastructure Discovery"),
      Map.entry("T1595", "Active Scanning"),
      Map.entry("T1595.001", "Active Scanning: Scanning IP Blocks"),
      Map.entry("T1595.002", "Active Scanning: Vulnerability Scanning"),
      Map.entry("T1599", "Network Boundary Bridging"),
      Map.entry("T1606.002", "Forge Web Credentials: SAML Tokens"),
      Map.entry("T1619", "Cloud Storage Object Discovery"),
      Map.entry("T1621", "Multi-Factor Authentication Request Generation"),
      Map.entry("T1648", "Serverless Execution"),
      Map.entry("T1651", "Cloud Administration Command"),
      Map.entry("T1059.009", "Command and Scripting Interpreter: Cloud API"),
      Map.entry("T1666", "Modify Cloud Resource Hierarchy"));

  private AttackTechniques() {}

  static boolean isKnown(String id) {
    return KNOWN.containsKey(id);
  }
}
