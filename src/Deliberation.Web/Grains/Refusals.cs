using Deliberation.Domain.Escalations;
using Deliberation.Domain.Requests;
using Deliberation.Domain;
using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Meetings;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Journaling;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Grains;

/// <summary>
/// The one list of refusals: the exceptions that are an answer to a request, not a fault of the app. Each is answered
/// the same wherever it is met (HTTP problem, hub error, form message) and whichever node's grain threw it: it crosses
/// between silos as itself (<see cref="GrainRefusals"/>). A 4xx refusal changed nothing; a 503 says whether anything
/// may have been kept. A test finds every exception type of ours and checks it is here, so a new one cannot be missed.
/// </summary>
public static class Refusals
{
    /// <summary>One kind: how HTTP answers it, the stable code a client tells it by (the problem type's last part and
    /// the hub error's prefix), and how it is rebuilt from what crossed between silos.</summary>
    public sealed record Kind(Type Type, int Status, string Title, string? Code, Func<Wire, Exception> Make)
    {
        /// <summary>The refusal again, on this side: the same type, message and words.</summary>
        public Exception Rebuild(Wire wire)
        {
            var exception = Make(wire);
            if (wire.Said is { } said && Said.Of(exception) is null) said.Stamp(exception);
            return exception;
        }

        /// <summary>The request was refused and changed nothing; sending it again as it is will be refused again.</summary>
        public bool Refused => Status < 500;

        public string? ProblemType => Code is null ? null : $"urn:deliberation:problem:{Code}";

        /// <summary>What a hub client reads: the code first when there is one, so that it can act on it; then why, in
        /// <paramref name="said"/> when given (the refusal in the connection's language), else as the exception says it.</summary>
        public string HubMessage(Exception e, string? said = null) => Code is null ? said ?? e.Message : $"{Code}: {said ?? e.Message}";
    }

    /// <summary>What crosses between silos: the message, its words (key and parts, so that the calling silo says it in
    /// the person's language) and, for the kinds that have them, the parts the answer needs.</summary>
    public sealed record Wire(string Message, IReadOnlyList<ItemAction>? Allowed = null, string? StreamId = null, long? Expected = null,
        long? Actual = null, string? Field = null, TextProblem? Problem = null, int? MaxLength = null, int? Length = null, Said? Said = null);

    public const string OutcomeUnknownCode = "outcome-unknown";
    public const string StorageUnavailableCode = "storage-unavailable";

    private static readonly Dictionary<Type, Kind> Kinds = new Kind[]
    {
        new(typeof(ArgumentException), 400, "Invalid request", null, w => new ArgumentException(w.Message)),
        new(typeof(ArgumentNullException), 400, "Invalid request", null, w => new ArgumentNullException(null, w.Message)),
        new(typeof(ArgumentOutOfRangeException), 400, "Invalid request", null, w => new ArgumentOutOfRangeException(null, w.Message)),
        new(typeof(TextRuleViolation), 400, "Invalid request", null,
            w => new TextRuleViolation(w.Field ?? "", w.Problem ?? TextProblem.Missing, w.MaxLength ?? 0, w.Length ?? 0)),
        new(typeof(NotPermitted), 403, "Not permitted", null, w => new NotPermitted(Told(w))),
        new(typeof(Accounts.AccessRefused), 403, "Not permitted", null, w => Accounts.AccessRefused.FromMessage(w.Message, w.Said)),
        new(typeof(NotFound), 404, "Not found", null, w => new NotFound(Told(w))),
        new(typeof(ProcessRuleViolation), 409, "Not allowed at this step", null, w => new ProcessRuleViolation(Told(w), w.Allowed ?? [])),
        new(typeof(MeetingRuleViolation), 409, "Not allowed now", null, w => new MeetingRuleViolation(Told(w))),
        new(typeof(BallotRuleViolation), 409, "Not allowed now", null, w => new BallotRuleViolation(Told(w))),
        new(typeof(EscalationRuleViolation), 409, "Not allowed now", null, w => new EscalationRuleViolation(Told(w))),
        new(typeof(SmallRequestRuleViolation), 409, "Not allowed now", null, w => new SmallRequestRuleViolation(Told(w))),
        // A comment refused by the window's state is a bad request: sent as it is, it is refused again.
        new(typeof(Domain.Comments.CommentRuleViolation), 400, "Not allowed now", null, w => new Domain.Comments.CommentRuleViolation(Told(w))),
        new(typeof(Domain.Comments.CommentsTooFrequent), 429, "Too many comments; try again later", null, w => new Domain.Comments.CommentsTooFrequent(Told(w))),
        new(typeof(Domain.Minutes.MinutesRuleViolation), 409, "Not allowed now", null, w => new Domain.Minutes.MinutesRuleViolation(Told(w))),
        new(typeof(StreamConcurrencyException), 409, "Changed by someone else; try again", null,
            w => new StreamConcurrencyException(w.StreamId ?? "", w.Expected ?? 0, w.Actual ?? 0)),
        // Nothing the request decided was kept, and it may be sent again.
        new(typeof(StorageUnavailableException), 503, "Storage unavailable; try again shortly", StorageUnavailableCode,
            w => new StorageUnavailableException(w.Message)),
        // It may have been kept: only a resend with the same request id (or client vote id) is safe.
        new(typeof(WriteOutcomeUnknownException), 503, "Outcome unknown; resend with the same id", OutcomeUnknownCode,
            w => new WriteOutcomeUnknownException(w.Message)),
    }.ToDictionary(k => k.Type);

    public static IEnumerable<Type> Types => Kinds.Keys;

    /// <summary>Whether this exact type crosses between silos as itself.</summary>
    public static bool Carries(Type type) => Kinds.ContainsKey(type);

    public static Kind KindOf(Type type) => Kinds[type];

    /// <summary>The refusal this exception is (its own type, or the nearest listed base type), or null for a fault.</summary>
    public static Kind? Find(Exception e)
    {
        for (var type = e.GetType(); type is not null; type = type.BaseType)
            if (Kinds.TryGetValue(type, out var kind)) return kind;
        return null;
    }

    /// <summary>A 4xx refusal: the request changed nothing and is answered with why.</summary>
    public static bool IsRefused(Exception e) => Find(e) is { Refused: true };

    /// <summary>What crosses for this exception.</summary>
    public static Wire WireOf(Exception e) => e switch
    {
        ProcessRuleViolation process => new(process.Message, Allowed: process.AllowedActions.ToArray(), Said: Said.Of(e)),
        StreamConcurrencyException stream => new(stream.Message, StreamId: stream.StreamId, Expected: stream.Expected, Actual: stream.Actual),
        TextRuleViolation text => new(text.Message, Field: text.Field, Problem: text.Problem, MaxLength: text.MaxLength, Length: text.Length),
        _ => new(e.Message, Said: Said.Of(e)),
    };

    /// <summary>The words that crossed, or the message as it is when it came without them.</summary>
    private static Said Told(Wire wire) => wire.Said ?? Said.Verbatim(wire.Message);
}
