namespace Deliberation.Runtime.SecretBallots;

/// <summary>
/// Where a secret ballot keeps, while it is open, what the event log must never hold: its key and its sealed choices
/// (each a voter's vote encrypted under that key, so that an acknowledged vote survives a crash and a resend finds its
/// receipt). Rows carry no time, actor or sequence. Everything of a ballot is deleted at its closing
/// (<see cref="DestroyAsync"/>). The council's signing keys for the published lists live here too.
/// </summary>
public interface ISecretBallotVault
{
    /// <summary>Keeps the ballot's (protected) key unless one is kept already; returns the one kept.</summary>
    Task<string> KeepKeyAsync(string ballotId, string protectedKey, CancellationToken ct = default);

    /// <summary>The ballot's protected key; null once destroyed (or never made).</summary>
    Task<string?> ReadKeyAsync(string ballotId, CancellationToken ct = default);

    /// <summary>Stores one sealed choice under a random slot; durable when this returns.</summary>
    Task SealAsync(string ballotId, string slot, string sealedChoice, CancellationToken ct = default);

    /// <summary>The ballot's sealed choices, in slot order.</summary>
    Task<IReadOnlyList<string>> ReadSealsAsync(string ballotId, CancellationToken ct = default);

    /// <summary>Deletes the ballot's key and sealed choices in one transaction, overwriting them where the database can.</summary>
    Task DestroyAsync(string ballotId, CancellationToken ct = default);

    /// <summary>The ballots that still have a key kept (for the sweep at start).</summary>
    Task<IReadOnlyList<string>> BallotsWithKeysAsync(CancellationToken ct = default);

    /// <summary>Keeps the council's signing key unless one is kept already; returns the one kept.</summary>
    Task<CouncilSigningKeyRow> KeepSigningKeyAsync(CouncilSigningKeyRow candidate, CancellationToken ct = default);
}

/// <param name="PublicKey">PEM (SubjectPublicKeyInfo).</param>
/// <param name="ProtectedPrivateKey">The PKCS#8 private key as the app's key ring protects it.</param>
public sealed record CouncilSigningKeyRow(string CouncilId, string PublicKey, string ProtectedPrivateKey);
