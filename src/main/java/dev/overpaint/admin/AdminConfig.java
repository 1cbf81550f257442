package dev.overpaint.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The admin account. Set it with the environment variables OVERPAINT_ADMIN_USER and
 * OVERPAINT_ADMIN_PASSWORD (or overpaint.admin.password-hash, a PBKDF2 string from {@code
 * AdminPasswords.hash}). With neither password nor hash, prod has no admin at all; the dev profile
 * makes up a password and prints it at start.
 */
@ConfigMapping(prefix = "overpaint.admin")
public interface AdminConfig {

  /** The admin's user name. Default admin. */
  @WithDefault("admin")
  String user();

  /** The admin's password in clear; it is hashed at start and not kept. No default. */
  Optional<String> password();

  /** The admin's password as pbkdf2-sha256$iterations$salt$hash (Base64). No default. */
  Optional<String> passwordHash();

  /** Hours an admin stays logged in in a browser. Default 12. */
  @WithDefault("12")
  int sessionHours();
}
