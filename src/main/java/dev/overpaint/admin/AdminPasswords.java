package dev.overpaint.admin;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes, written as {@code pbkdf2-sha256$iterations$salt$hash}. Only
 * the hash of the admin password is kept in memory.
 */
public final class AdminPasswords {

  static final String SCHEME = "pbkdf2-sha256";
  static final int ITERATIONS = 210_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private AdminPasswords() {}

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return format(ITERATIONS, salt, derive(password, salt, ITERATIONS));
  }

  /** Compares in constant time; a malformed hash matches nothing. */
  public static boolean matches(String password, String hash) {
    String[] parts = hash.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public static boolean wellFormed(String hash) {
    String[] parts = hash.split("\\$");
    return parts.length == 4 && parts[0].equals(SCHEME) && parts[1].matches("[1-9][0-9]{3,7}");
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String format(int iterations, byte[] salt, byte[] hash) {
    Base64.Encoder b64 = Base64.getEncoder();
    return SCHEME
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  /**
   * Prints a hash for overpaint.admin.password-hash: {@code java ... AdminPasswords <password>}.
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: AdminPasswords <password>");
      System.exit(2);
    }
    System.out.println(hash(args[0]));
  }
}
