using Orleans;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Process;

public static class TemplateEndpoints
{
    public static IEndpointRouteBuilder MapProcessTemplates(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/process-templates").WithTags("Process templates");

        templates.MapGet("/{templateId}", async (string templateId, int? version, IGrainFactory grains) =>
        {
            var grain = grains.GetGrain<IProcessTemplateGrain>(Identifiers.Require(templateId, "template"));
            var template = version is { } v ? await grain.GetAsync(v) : await grain.GetLatestAsync();
            return template is null
                ? Results.Problem(statusCode: 404, detail: "There is no such template version.")
                : Results.Text(template.ToJson(), "application/json");
        }).Access(Audience.Public);

        templates.MapPost("/{templateId}", async (string templateId, HttpRequest request, HttpContext http, IGrainFactory grains) =>
        {
            using var reader = new StreamReader(request.Body);
            var json = await reader.ReadToEndAsync();
            var template = await grains.GetGrain<IProcessTemplateGrain>(Identifiers.Require(templateId, "template"))
                .PublishAsync(json, http.User.UserId());
            return Results.Created($"/api/process-templates/{template.Id}?version={template.Version}", new { template.Id, template.Version });
        }).Access(Audience.Administrator);

        return app;
    }
}
