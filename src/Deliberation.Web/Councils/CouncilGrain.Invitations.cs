using System.Security.Cryptography;
using System.Text;
using Deliberation.Domain.Councils;
using Deliberation.Web.Grains;

namespace Deliberation.Web.Councils;

public sealed partial class CouncilGrain
{
    public async Task<IssuedBatch> IssueInvitationBatchAsync(IssueInvitationBatch request, Actor by)
    {
        var requestId = RequestIds.Checked(request.RequestId);
        if (request.Count is < 1 or > Council.MaxBatch) throw CouncilRefusals.BatchSize.With(Council.MaxBatch).Invalid(nameof(request));
        // Without a key the codes are random; with one, each code is derived from it, so a resend prints the same sheet.
        var seed = requestId ?? Guid.NewGuid().ToString("N");
        var batchId = "batch-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Key}\n{by.UserId}\n{seed}")))[..10];
        var codes = Enumerable.Range(1, request.Count).Select(n => InvitationCode.For(Key, by.UserId, $"{seed}:{n}")).ToList();
        var issued = new IssuedBatch(batchId, request.Grid?.Trim() ?? "", request.Note,
            codes.Select((code, i) => new IssuedInvitation(code, $"#{i + 1}", request.Grid?.Trim() ?? "")).ToList());
        if (Answered(by.UserId, requestId)) return issued;
        await ChangeAsync(by.UserId, council => council.IssueInvitationBatch(by, batchId, request.Grid ?? "",
            codes.Select(c => InvitationCode.Hash(Key, c)).ToList(), request.Note), _ => true, requestId);
        return issued;
    }

    public Task<InvitationsView> GetInvitationsAsync()
    {
        var council = Existing();
        return Task.FromResult(new InvitationsView(
            council.InvitationBatches.Select(b => new InvitationBatchView(b.BatchId, b.Grid, b.Count, b.Note)).ToList(),
            council.Invitations.Select(i => new InvitationView(i.Ref, i.Household, i.Grid, i.BatchId, i.No, i.State, i.RedeemedBy, i.RedeemedName))
                .ToList()));
    }

    public async Task RevokeInvitationAsync(string codeRef, RevokeInvitation request, Actor by)
    {
        var requestId = RequestIds.Checked(request.RequestId);
        if (Answered(by.UserId, requestId)) return;
        await ChangeAsync(by.UserId, council => council.RevokeInvitation(by, codeRef, request.Reason), _ => true, requestId);
    }
}
