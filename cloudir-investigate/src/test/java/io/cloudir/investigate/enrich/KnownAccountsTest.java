package io.cloudir.investigate.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownAccountsTest {
  private static KnownAccounts parse(String s) {
    return KnownAccounts.parse("accounts.csv", s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheDocumentedFormat() {
    KnownAccounts k = parse("account_id,name,trust\n# ours\n111122223333,Production,own\r\n"
        + "444455556666,\"Acme, Inc. (monitoring)\",Vendor\n\n777788889999,Partner exchange,partner\n");
    assertEquals(3, k.accounts().size());
    assertEquals(new KnownAccounts.Account("444455556666", "Acme, Inc. (monitoring)",
        KnownAccounts.Trust.VENDOR), k.get("444455556666"));
    assertTrue(k.isOwn("111122223333"));
    assertFalse(k.isOwn("777788889999"));
    assertEquals(KnownAccounts.Trust.PARTNER, k.trustOf("777788889999"));
    assertNull(k.get("000000000000"));
    assertFalse(k.isKnown("000000000000"));
    assertEquals("vendor", KnownAccounts.Trust.VENDOR.label());
  }

  @Test
  void errorsNameTheLine() {
    Map<String, String> bad = Map.of(
        "11112222333,Short,own\n", "account id is not 12 digits",
        "11112222333x,X,own\n", "account id is not 12 digits",
        "111122223334,,own\n", "empty account name",
        "111122223334,X,friend\n", "trust is not own, partner or vendor",
        "111122223334,X\n", "expected 3 fields",
        "111122223334,\"X,own\n", "bad CSV quoting",
        "111122223333,Again,own\n", "account 111122223333 already listed at line 1");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      EnrichmentDataException ex = assertThrows(EnrichmentDataException.class,
          () -> parse("111122223333,Production,own\n" + e.getKey()));
      assertEquals(2, ex.location().line());
      assertTrue(ex.getMessage().startsWith("accounts.csv:offset 28:line 2: " + e.getValue()),
          ex.getMessage());
    }
  }
}
