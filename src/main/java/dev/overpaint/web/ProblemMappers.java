package dev.overpaint.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.overpaint.errors.AppException;
import dev.overpaint.errors.QueueFullException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves as application/problem+json, never as a stack trace. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response app(AppException e) {
    Response.ResponseBuilder r =
        problem(Problem.of(e.status(), e.title(), e.getMessage(), e.field()));
    if (e instanceof QueueFullException full) {
      r.header("Retry-After", full.retryAfterSeconds());
    }
    return r.build();
  }

  @ServerExceptionMapper
  public Response unknownField(UnrecognizedPropertyException e) {
    return problem(
            Problem.of(
                400, "Invalid request", "unknown field '" + e.getPropertyName() + "'", path(e)))
        .build();
  }

  @ServerExceptionMapper
  public Response wrongType(MismatchedInputException e) {
    return badJson(e);
  }

  @ServerExceptionMapper
  public Response badJson(JsonMappingException e) {
    String field = path(e);
    String detail =
        field == null
            ? "the body is not valid JSON for this request"
            : field + " has the wrong type";
    return problem(Problem.of(400, "Invalid request", detail, field)).build();
  }

  @ServerExceptionMapper
  public Response malformed(JsonProcessingException e) {
    return problem(Problem.of(400, "Invalid request", "the body is not valid JSON", null)).build();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String title =
        Response.Status.fromStatusCode(status) == null
            ? "Error"
            : Response.Status.fromStatusCode(status).getReasonPhrase();
    return problem(Problem.of(status, title, e.getMessage(), null)).build();
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e) {
    LOG.error("unexpected error", e);
    return problem(
            Problem.of(500, "Internal error", "the server could not complete the request", null))
        .build();
  }

  private static Response.ResponseBuilder problem(Problem p) {
    return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
  }

  private static String path(JsonMappingException e) {
    if (e.getPath().isEmpty()) {
      return null;
    }
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
