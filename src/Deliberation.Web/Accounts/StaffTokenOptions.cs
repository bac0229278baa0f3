namespace Deliberation.Web.Accounts;

/// <summary>
/// Bearer tokens from the county's identity provider (Entra ID or any OpenID Connect issuer), for staff. The section
/// is Microsoft.Identity.Web's (<c>Instance</c>/<c>TenantId</c> or <c>Authority</c>, <c>ClientId</c>, ...) plus our own
/// keys below. Off unless a client id and an authority are configured.
/// </summary>
public sealed class StaffTokenOptions
{
    public const string Section = "StaffSignIn";

    public string Instance { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";

    /// <summary>The exact <c>iss</c> of accepted tokens. Needed for an issuer other than Entra ID, whose tenants Identity.Web checks itself.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The exact <c>aud</c>, when it is neither the client id nor <c>api://</c> + client id.</summary>
    public string Audience { get; set; } = "";

    /// <summary>A fixed RSA public key (PEM), for an issuer whose keys are distributed by hand: then no metadata is fetched.</summary>
    public string SigningKeyPem { get; set; } = "";

    public bool Enabled => ClientId.Length > 0 && (Authority.Length > 0 || (Instance.Length > 0 && TenantId.Length > 0));
}
