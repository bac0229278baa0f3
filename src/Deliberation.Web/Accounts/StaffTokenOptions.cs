namespace Deliberation.Web.Accounts;

/// <summary>
/// Bearer tokens from the county's identity provider (Entra ID or any OpenID Connect issuer), for staff.
/// Off unless an issuer and audience are configured.
/// </summary>
public sealed class StaffTokenOptions
{
    public const string Section = "Jwt";

    public string Issuer { get; set; } = "";
    public string Audience { get; set; } = "";

    /// <summary>The issuer's metadata address base; its signing keys are fetched from there.</summary>
    public string Authority { get; set; } = "";

    /// <summary>Or a fixed RSA public key (PEM), for an issuer whose keys are distributed by hand, and for tests.</summary>
    public string SigningKeyPem { get; set; } = "";

    public bool Enabled => Issuer.Length > 0 && Audience.Length > 0 && (Authority.Length > 0 || SigningKeyPem.Length > 0);
}
