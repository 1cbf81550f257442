package dev.overpaint.admin;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Who is the admin: checks a user name and password against the configured hash, and keeps the
 * admin browsers' login tokens (hashed) in Postgres so that every server of a cluster knows them.
 */
@ApplicationScoped
public class AdminAuth {

  private static final Logger LOG = Logger.getLogger(AdminAuth.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A script sends its Basic header with every call; PBKDF2 runs once per header a while. */
  private static final Duration BASIC_CACHE = Duration.ofMinutes(5);

  @Inject AdminConfig config;

  private volatile String passwordHash;
  private final Map<String, Instant> verifiedBasic = new ConcurrentHashMap<>();

  void onStart(@Observes StartupEvent start) {
    if (config.passwordHash().isPresent()) {
      String hash = config.passwordHash().get().strip();
      if (!AdminPasswords.wellFormed(hash)) {
        throw new IllegalStateException(
            "overpaint.admin.password-hash is not a pbkdf2-sha256$iterations$salt$hash string");
      }
      passwordHash = hash;
    } else if (config.password().filter(p -> !p.isBlank()).isPresent()) {
      passwordHash = AdminPasswords.hash(config.password().get());
    } else if (ConfigUtils.isProfileActive("dev")) {
      String password = token().substring(0, 16);
      passwordHash = AdminPasswords.hash(password);
      LOG.infof(
          "dev admin login: user '%s', password '%s' (made up at start)", config.user(), password);
    } else {
      LOG.warn(
          "no admin account: set OVERPAINT_ADMIN_USER and OVERPAINT_ADMIN_PASSWORD to review publications");
    }
  }

  /** The admin's name when the credentials are right. */
  public Optional<String> verify(String user, String password) {
    String hash = passwordHash;
    if (hash == null || user == null || password == null) {
      return Optional.empty();
    }
    boolean userOk =
        MessageDigest.isEqual(
            user.getBytes(StandardCharsets.UTF_8), config.user().getBytes(StandardCharsets.UTF_8));
    boolean passwordOk = AdminPasswords.matches(password, hash);
    return userOk && passwordOk ? Optional.of(config.user()) : Optional.empty();
  }

  /** The admin's name for a valid {@code Authorization: Basic ...} header. */
  public Optional<String> basic(String header) {
    String key = sha256(header);
    Instant until = verifiedBasic.get(key);
    if (until != null && until.isAfter(Instant.now())) {
      return Optional.of(config.user());
    }
    Optional<String> admin = parseBasic(header).flatMap(c -> verify(c[0], c[1]));
    admin.ifPresent(a -> verifiedBasic.put(key, Instant.now().plus(BASIC_CACHE)));
    return admin;
  }

  /** Logs an admin browser in: the token for its cookie, or empty for wrong credentials. */
  @Transactional
  public Optional<String> login(String user, String password) {
    return verify(user, password).map(this::openSession);
  }

  @Transactional
  public Optional<String> sessionUser(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    AdminSession s = AdminSession.findById(sha256(token));
    return s == null || s.expiresAt.isBefore(Instant.now())
        ? Optional.empty()
        : Optional.of(s.username);
  }

  @Transactional
  public void logout(String token) {
    if (token != null) {
      AdminSession.deleteById(sha256(token));
    }
    AdminSession.delete("expiresAt < ?1", Instant.now());
  }

  public int sessionSeconds() {
    return config.sessionHours() * 3600;
  }

  private String openSession(String user) {
    String token = token();
    AdminSession s = new AdminSession();
    s.tokenSha256 = sha256(token);
    s.username = user;
    s.createdAt = Instant.now();
    s.expiresAt = s.createdAt.plusSeconds(sessionSeconds());
    s.persist();
    return token;
  }

  private static Optional<String[]> parseBasic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String pair =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(new String[] {pair.substring(0, colon), pair.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
