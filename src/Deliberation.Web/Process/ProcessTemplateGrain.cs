using System.Collections.Immutable;
using Deliberation.Domain.Process;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Grains;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Process;

public sealed class ProcessTemplateGrain(IEventLog log, TimeProvider clock)
    : JournaledGrain<ImmutableList<ProcessTemplate>>(log), IProcessTemplateGrain
{
    public const string Category = "process-template";

    protected override string StreamId => $"{Category}-{GrainKey}";

    protected override ImmutableList<ProcessTemplate> InitialState() => ImmutableList<ProcessTemplate>.Empty;

    protected override ImmutableList<ProcessTemplate> Apply(ImmutableList<ProcessTemplate> state, EventEnvelope e) =>
        state.Add(ProcessTemplate.FromJson(Codec.Decode(e).Definition));

    private static EventCodec<TemplatePublished> Codec => EventCodec<TemplatePublished>.Instance;

    public Task<ProcessTemplate?> GetAsync(int version) => Task.FromResult(State.FirstOrDefault(t => t.Version == version));

    public Task<ProcessTemplate?> GetLatestAsync() => Task.FromResult(State.LastOrDefault());

    public async Task<ProcessTemplate> PublishAsync(string definitionJson, string byUserId)
    {
        var parsed = ProcessTemplate.FromJson(definitionJson);
        if (parsed.Id != GrainKey) throw new ArgumentException($"The definition is for template '{parsed.Id}', not '{GrainKey}'.");
        var template = parsed with { Version = State.Count + 1 };
        template.Validate();
        var now = clock.GetUtcNow();
        var published = new TemplatePublished(template.Version, template.ToJson());
        await RaiseAsync([Codec.Encode(published, byUserId, now)],
            new StreamSummary(StreamId, Category, "*", 0, $"{{\"id\":\"{template.Id}\",\"version\":{template.Version}}}", now));
        return template;
    }
}
