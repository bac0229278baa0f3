using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Deliberation.Domain.Ballots;

namespace Deliberation.Web.Ballots;

/// <summary>
/// One secret vote while its ballot is open: the link between a voter (and their client vote id) and their receipt
/// and choice. It exists only in the ballot's memory and, sealed under the ballot's key, in the vault; both go at closing.
/// <c>CastBy</c> is who sent it (a household's vote has several who may), so that only they reuse it; null in seals
/// written before it was kept.
/// </summary>
public sealed record SealedVote(string VoterId, string ClientVoteId, string Receipt, VoteChoice Choice, IReadOnlyList<string>? Options,
    string? CastBy = null)
{
    // Every seal has this many bytes before encryption, so a seal's length says nothing of the voter or the choice.
    private const int PlainLength = 1024;
    private const int NonceLength = 12;
    private const int TagLength = 16;

    public static string NewReceipt() => SecretBallotList.Receipt(RandomNumberGenerator.GetBytes(10));

    /// <summary>A random slot: the seal's key in the vault, unrelated to the vote's order or time.</summary>
    public static string NewSlot() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>AES-256-GCM under the ballot's key, bound to the ballot (associated data), padded to one length.</summary>
    public string Seal(byte[] key, string ballotId, IReadOnlyList<string> ballotOptions)
    {
        var marks = (Options ?? []).Select(o => ballotOptions.ToList().IndexOf(o)).ToArray();
        var json = JsonSerializer.SerializeToUtf8Bytes(new Plain(VoterId, ClientVoteId, Receipt, (int)Choice, marks, CastBy));
        if (json.Length > PlainLength) throw new InvalidOperationException("A sealed vote is longer than a seal holds.");
        var plain = new byte[PlainLength];
        json.CopyTo(plain, 0);
        plain.AsSpan(json.Length).Fill((byte)' ');
        var sealedBytes = new byte[NonceLength + TagLength + PlainLength];
        var nonce = sealedBytes.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagLength);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceLength + TagLength), sealedBytes.AsSpan(NonceLength, TagLength), Encoding.UTF8.GetBytes(ballotId));
        return Convert.ToBase64String(sealedBytes);
    }

    public static SealedVote Unseal(string sealedText, byte[] key, string ballotId, IReadOnlyList<string> ballotOptions)
    {
        var sealedBytes = Convert.FromBase64String(sealedText);
        var plain = new byte[sealedBytes.Length - NonceLength - TagLength];
        using var aes = new AesGcm(key, TagLength);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceLength), sealedBytes.AsSpan(NonceLength + TagLength), sealedBytes.AsSpan(NonceLength, TagLength),
            plain, Encoding.UTF8.GetBytes(ballotId));
        var p = JsonSerializer.Deserialize<Plain>(Encoding.UTF8.GetString(plain).TrimEnd(' '))!;
        return new SealedVote(p.V, p.C, p.R, (VoteChoice)p.K, ballotOptions.Count == 0 ? null : p.O.Select(i => ballotOptions[i]).ToList(), p.B);
    }

    private sealed record Plain(string V, string C, string R, int K, int[] O, string? B = null);
}
