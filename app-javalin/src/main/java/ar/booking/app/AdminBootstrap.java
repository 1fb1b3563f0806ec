package ar.booking.app;

import ar.booking.app.auth.PasswordHasher;
import ar.booking.app.config.Config;
import ar.booking.core.owner.OwnerAccount;
import ar.booking.core.ports.OwnerAccounts;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first admin when there is none: from {@code ADMIN_EMAIL}/{@code ADMIN_PASSWORD}, or
 * (only in development or on the embedded database) with a generated password printed once to
 * stdout, never logged.
 */
final class AdminBootstrap {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private AdminBootstrap() {}

  static void ensureAdmin(
      OwnerAccounts accounts,
      PasswordHasher hasher,
      Config config,
      Instant now,
      PrintStream console) {
    if (accounts.count() > 0) {
      return;
    }
    String password;
    if (config.auth().adminPassword().isPresent()) {
      password = config.auth().adminPassword().get();
    } else if (!config.auth().generateMissingSecrets()) {
      throw new StartupException(
          "No admin account exists and ADMIN_PASSWORD is not set: set ADMIN_PASSWORD (generate:"
              + " openssl rand -base64 18) for the first start (a password is generated only with"
              + " ENVIRONMENT=development or the embedded database)");
    } else {
      password = generatePassword();
      console.println();
      console.println("==================================================================");
      console.println(" Admin account created: " + config.auth().adminEmail());
      console.println(" Password (shown only this once): " + password);
      console.println("==================================================================");
      console.println();
      console.flush();
    }
    try {
      accounts.add(new OwnerAccount(config.auth().adminEmail(), hasher.hash(password), now));
      log.info("Created the first admin account");
    } catch (IllegalStateException alreadyThere) {
      // another instance starting at the same moment created it first
      log.info("The first admin account was created by another instance");
    }
  }

  static String generatePassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
