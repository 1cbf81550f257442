package dev.overpaint.web;

import dev.overpaint.errors.AppException;
import dev.overpaint.jobs.JobResult;
import dev.overpaint.jobs.JobService;
import dev.overpaint.jobs.JobView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** POST /api/jobs and the job's status, control and pictures. */
@Path("/api/jobs")
public class JobResource {

  @Inject JobService jobs;
  @Inject Session session;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response create(JobRequest request) {
    if (request == null) {
      throw AppException.invalid("prompt", "a JSON body with a prompt is required");
    }
    JobView job = jobs.submit(request.toParams(), session.id());
    return Response.accepted(
            Map.of("id", job.id(), "status", job.status(), "position", job.position()))
        .location(URI.create("/api/jobs/" + job.id()))
        .build();
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public JobView get(@PathParam("id") String id) {
    return jobs.get(PathIds.uuid(id, "job"), session.id());
  }

  @POST
  @Path("/{id}/cancel")
  public Response cancel(@PathParam("id") String id) {
    jobs.cancel(PathIds.uuid(id, "job"), session.id());
    return Response.accepted().build();
  }

  @GET
  @Path("/{id}/image.png")
  @Produces("image/png")
  public Response image(@PathParam("id") String id) {
    return png(PathIds.uuid(id, "job"), r -> r.imagePng);
  }

  @GET
  @Path("/{id}/init.png")
  @Produces("image/png")
  public Response init(@PathParam("id") String id) {
    return png(PathIds.uuid(id, "job"), r -> r.initPng);
  }

  private Response png(UUID id, Function<JobResult, byte[]> part) {
    JobView job = jobs.get(id);
    byte[] png =
        jobs.result(id)
            .map(part)
            .orElseThrow(
                () ->
                    AppException.conflict(
                        "job " + id + " is " + job.status() + "; its picture is not ready"));
    return Response.ok(png, "image/png")
        .header("Cache-Control", "private, max-age=31536000, immutable")
        .build();
  }
}
