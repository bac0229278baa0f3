using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Deliberation.Runtime.SecretBallots;
using Microsoft.AspNetCore.DataProtection;

namespace Deliberation.Web.Ballots;

/// <summary>
/// The keys of secret ballots: each open ballot's own AES key (made at opening, kept in the vault protected by the
/// app's data-protection key ring so that a crash or a move to another node loses no acknowledged vote, destroyed at
/// closing), and each council's ECDSA P-256 key that signs the published lists (kept the same way, never destroyed).
/// </summary>
public sealed class SecretBallotKeys(ISecretBallotVault vault, IDataProtectionProvider protection)
{
    private readonly IDataProtector _ballotKeys = protection.CreateProtector("Deliberation.SecretBallots.BallotKey.v1");
    private readonly IDataProtector _signingKeys = protection.CreateProtector("Deliberation.SecretBallots.CouncilSigningKey.v1");
    private readonly ConcurrentDictionary<string, CouncilSigner> _signers = new(StringComparer.Ordinal);

    public ISecretBallotVault Vault => vault;

    /// <summary>Makes the ballot's key, or returns the one already kept (a second opening attempt, another node).</summary>
    public async Task<byte[]> KeepKeyAsync(string ballotId)
    {
        var kept = await vault.KeepKeyAsync(ballotId, Convert.ToBase64String(_ballotKeys.Protect(RandomNumberGenerator.GetBytes(32))));
        return _ballotKeys.Unprotect(Convert.FromBase64String(kept));
    }

    /// <summary>The ballot's key; null once destroyed.</summary>
    public async Task<byte[]?> ReadKeyAsync(string ballotId) =>
        await vault.ReadKeyAsync(ballotId) is { } kept ? _ballotKeys.Unprotect(Convert.FromBase64String(kept)) : null;

    /// <summary>The council's signer, its key made on first use (the first kept wins when nodes race).</summary>
    public async Task<CouncilSigner> SignerAsync(string councilId)
    {
        if (_signers.TryGetValue(councilId, out var known)) return known;
        using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var row = await vault.KeepSigningKeyAsync(new CouncilSigningKeyRow(councilId, fresh.ExportSubjectPublicKeyInfoPem(),
            Convert.ToBase64String(_signingKeys.Protect(fresh.ExportPkcs8PrivateKey()))));
        var signer = new CouncilSigner(row.PublicKey, _signingKeys.Unprotect(Convert.FromBase64String(row.ProtectedPrivateKey)));
        return _signers.GetOrAdd(councilId, signer);
    }
}

/// <summary>Signs a list's text (UTF-8) with ECDSA P-256 over SHA-256, DER-encoded as openssl expects.</summary>
public sealed class CouncilSigner(string publicKeyPem, byte[] pkcs8)
{
    public string PublicKeyPem => publicKeyPem;

    public string Sign(string text)
    {
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    /// <summary>Checks a signature as any verifier would, from the public key alone.</summary>
    public static bool Verifies(string publicKeyPem, string text, string signature)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        return key.VerifyData(Encoding.UTF8.GetBytes(text), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
