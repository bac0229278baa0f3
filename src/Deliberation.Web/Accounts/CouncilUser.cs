using Microsoft.AspNetCore.Identity;

namespace Deliberation.Web.Accounts;

/// <summary>A person who signs in. What they may do in a council is not here: it is in that council's event log.</summary>
public sealed class CouncilUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
