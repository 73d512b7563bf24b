package io.cloudir.aws;

import io.cloudir.aws.testing.S3Fixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Starts one in-process S3Proxy ({@link S3Fixture}) per test class and stops it afterwards. */
abstract class S3TestBase {
  static S3Fixture fx;

  @BeforeAll
  static void startS3() {
    fx = new S3Fixture();
  }

  @AfterAll
  static void stopS3() throws Exception {
    fx.close();
  }
}
