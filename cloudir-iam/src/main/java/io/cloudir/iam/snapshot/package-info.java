/**
 * Account snapshots: the IAM state of one or several AWS accounts (the output of {@code aws iam
 * get-account-authorization-details}, optional organization trees with SCPs and RCPs, and
 * resource-based policies) and the questions an investigator asks of it — {@link
 * io.cloudir.iam.snapshot.Snapshot#canDo can it}, {@link io.cloudir.iam.snapshot.Snapshot#whoCan
 * who can}, {@link io.cloudir.iam.snapshot.Snapshot#whatCan what can}, {@link
 * io.cloudir.iam.snapshot.Snapshot#authorize which statement allowed this CloudTrail event}, {@link
 * io.cloudir.iam.snapshot.Snapshot#escalations privilege escalation} and {@link
 * io.cloudir.iam.snapshot.Snapshot#at the state at another time}.
 */
@NullMarked
package io.cloudir.iam.snapshot;

import org.jspecify.annotations.NullMarked;
