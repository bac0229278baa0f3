namespace Deliberation.Web.AgendaItems;

/// <summary>
/// What the item page's forms post: one action and the fields it needs. The same commands as the JSON API,
/// so a person without script and a client program are held to the same rules.
/// </summary>
public sealed class ItemActionForm
{
    public string? Action { get; set; }
    public string? Text { get; set; }
    public string? Reason { get; set; }
    public string? Options { get; set; }
    public string? IntoItemId { get; set; }
    public string? Department { get; set; }
    public string? Request { get; set; }
    public int? RespondWithinHours { get; set; }
    public DateOnly? DueOn { get; set; }
    public int? ObjectionNo { get; set; }
    public int? Present { get; set; }
    public int? For { get; set; }
    public int? Against { get; set; }
    public int? Abstain { get; set; }
    public string? ResponsibleParty { get; set; }
    public DateOnly? Deadline { get; set; }
    public int? PercentDone { get; set; }
    public int? Score { get; set; }
    public int? NoticeDays { get; set; }

    /// <summary>The form's idempotency key, made when the page is drawn: posting it twice acts once.</summary>
    public string? RequestId { get; set; }

    public ItemCommand ToCommand() => Action switch
    {
        "accept" => new AcceptItem(null, Text),
        "merge" => new MergeItem(IntoItemId ?? "", Reason ?? ""),
        "route" => new RouteItem(Department ?? "", Reason ?? "", Request, RespondWithinHours, DueOn),
        "decline" => new DeclineItem(Reason ?? ""),
        "record-proposal" => new RecordProposal(Text ?? "", (Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), null),
        "revise-proposal" => new ReviseProposal(Text ?? "", Reason ?? ""),
        "record-consultation" => new RecordConsultation(null, Text ?? ""),
        "complete-step" => new CompleteStep(),
        "record-resolution" => new RecordResolution(Count(Present), Count(For), Count(Against), Count(Abstain), null),
        "approve-review" => new ApproveReview(Text ?? ""),
        "return-review" => new ReturnReview(Reason ?? ""),
        "disclose" => new DiscloseResolution(NoticeDays),
        "object" => new RaiseObjection(Text ?? ""),
        "uphold-objection" => new UpholdObjection(ObjectionNo ?? 0, Reason ?? ""),
        "dismiss-objection" => new DismissObjection(ObjectionNo ?? 0, Reason ?? ""),
        "end-notice" => new EndNotice(),
        "assign-implementation" => new AssignImplementation(ResponsibleParty ?? "", Deadline ?? default),
        "report-progress" => new ReportProgress(Text ?? "", PercentDone),
        "complete-implementation" => new CompleteImplementation(Text ?? ""),
        "disclose-result" => new DiscloseResult(Text ?? ""),
        "rate" => new RateResult(Score ?? 0),
        "close" => new CloseItem(Reason ?? ""),
        _ => throw new ArgumentException($"Unknown action '{Action}'.", nameof(Action)),
    };

    private static CountBody Count(int? members) => new(members ?? 0, null);
}
