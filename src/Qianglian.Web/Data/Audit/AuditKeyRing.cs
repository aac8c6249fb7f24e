using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Qianglian.Core.Audit;
using Qianglian.Web.Hosting;

namespace Qianglian.Web.Data;

/// <summary>
/// <c>Audit:KeyDirectory</c> (default <c>data/audit-keys</c>) and <c>Audit:Algorithm</c> (<c>HMAC-SHA256</c>, the
/// default, or <c>HMAC-SM3</c> — SM3 of GB/T 32905-2016 for a system assessed against GB/T 39786). The directory must
/// not be on the database's server or in its backups: the chain resists a database administrator only as long as the
/// key is out of their reach.
/// </summary>
public sealed record AuditSettings(string KeyDirectory, string Algorithm)
{
    public const string HmacSha256 = "HMAC-SHA256";
    public const string HmacSm3 = "HMAC-SM3";

    public static AuditSettings From(IConfiguration config)
    {
        var algorithm = (config["Audit:Algorithm"] ?? HmacSha256).Trim().ToUpperInvariant();
        if (algorithm is not (HmacSha256 or HmacSm3))
            throw new InvalidOperationException($"Audit:Algorithm must be {HmacSha256} or {HmacSm3}, not '{config["Audit:Algorithm"]}'.");
        var directory = config["Audit:KeyDirectory"];
        return new AuditSettings(string.IsNullOrWhiteSpace(directory) ? Path.Combine(RepositoryPaths.Data, "audit-keys") : Path.GetFullPath(directory), algorithm);
    }
}

/// <summary>
/// The audit chain's keys, one file each in the key directory (<c>&lt;id&gt;.json</c>: id, algorithm, 32 random bytes,
/// creation time). New entries are signed with the newest key; each entry stores its key's id, so older entries verify
/// with the key they were signed with after a rotation. The first key also records the last sequence written before
/// the chain was keyed: an unkeyed entry after it can only be a forgery. Carried in the context options (as an
/// interceptor, like <see cref="DerivedRowsOnCommit"/>) so every context and its twins sign with the same ring.
/// </summary>
public sealed class AuditKeyRing(AuditSettings settings) : IInterceptor
{
    private readonly Lock gate = new();
    private Dictionary<string, AuditKey> keys = new(StringComparer.Ordinal);
    private DateTime loadedStamp = DateTime.MinValue;

    public string Directory => settings.KeyDirectory;

    /// <summary>The last sequence written before the chain was keyed (everything, while no key exists yet).</summary>
    public long UnkeyedUntil
    {
        get
        {
            lock (gate)
            {
                Reload();
                return keys.Count == 0 ? long.MaxValue : keys.Values.Min(k => k.UnkeyedUntil);
            }
        }
    }

    public IReadOnlyList<string> KeyIds
    {
        get { lock (gate) { Reload(); return [.. keys.Keys.Order(StringComparer.Ordinal)]; } }
    }

    /// <summary>The key with this id, re-reading the directory when it is not known yet (rotated by another process).</summary>
    public IAuditKey? Find(string id)
    {
        lock (gate)
        {
            if (keys.TryGetValue(id, out var key)) return key;
            Reload(force: true);
            return keys.GetValueOrDefault(id);
        }
    }

    /// <summary>
    /// The key new entries are signed with: the newest, or a new one when there is none yet or the configured algorithm
    /// changed. <paramref name="headSequence"/> is the chain's head when it is called — under the chain's lock, so when
    /// the first key is made it is exactly the last unkeyed entry.
    /// </summary>
    public IAuditKey Current(long headSequence)
    {
        lock (gate)
        {
            Reload();
            var newest = keys.Values.MaxBy(k => k.Id, StringComparer.Ordinal);
            return newest is not null && newest.Algorithm == settings.Algorithm ? newest : Create(headSequence);
        }
    }

    /// <summary>Makes a new key that new entries are signed with from now on (all processes re-read the directory).</summary>
    public IAuditKey Rotate(long headSequence)
    {
        lock (gate)
        {
            Reload();
            return Create(headSequence);
        }
    }

    private AuditKey Create(long headSequence)
    {
        System.IO.Directory.CreateDirectory(settings.KeyDirectory);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(settings.KeyDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var now = DateTimeOffset.UtcNow;
        // Ids order the keys (the newest signs new entries): a key made within the millisecond of the newest one must
        // still sort after it, or "newest" would be decided by the random suffix.
        if (keys.Values.MaxBy(k => k.Id, StringComparer.Ordinal) is { } newest && string.CompareOrdinal(Stamp(now), Stamp(newest.Created)) <= 0)
            now = newest.Created.AddMilliseconds(1);
        var key = new AuditKey(
            $"{Stamp(now)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}",
            settings.Algorithm, RandomNumberGenerator.GetBytes(32), now,
            keys.Count == 0 ? headSequence : keys.Values.Min(k => k.UnkeyedUntil));
        // Written whole under a temporary name, then renamed: a reader never sees half a key.
        var temporary = Path.Combine(settings.KeyDirectory, $".{key.Id}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(temporary, options))
            JsonSerializer.Serialize(file, key.ToFile());
        File.Move(temporary, Path.Combine(settings.KeyDirectory, key.Id + ".json"));
        keys[key.Id] = key;
        loadedStamp = DateTime.MinValue; // read again next time: another process may have added one meanwhile
        return key;
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Re-reads the directory when it changed since the last read (one stat per save otherwise).</summary>
    private void Reload(bool force = false)
    {
        if (!System.IO.Directory.Exists(settings.KeyDirectory)) return;
        var stamp = System.IO.Directory.GetLastWriteTimeUtc(settings.KeyDirectory);
        if (!force && stamp == loadedStamp) return;
        var read = new Dictionary<string, AuditKey>(StringComparer.Ordinal);
        foreach (var path in System.IO.Directory.EnumerateFiles(settings.KeyDirectory, "*.json"))
        {
            var key = AuditKey.FromFile(JsonSerializer.Deserialize<AuditKey.File>(System.IO.File.ReadAllText(path))
                ?? throw new InvalidOperationException($"audit key file {path} is empty"));
            read[key.Id] = key;
        }
        (keys, loadedStamp) = (read, stamp);
    }
}

/// <summary>One key of the ring: HMAC (RFC 2104) with SHA-256, or with SM3 through BouncyCastle (the HMAC construction
/// of GB/T 15852.2-2012 over the SM3 hash of GB/T 32905-2016).</summary>
internal sealed class AuditKey(string id, string algorithm, byte[] secret, DateTimeOffset created, long unkeyedUntil) : IAuditKey
{
    public string Id => id;
    public string Algorithm => algorithm;
    public long UnkeyedUntil => unkeyedUntil;
    public DateTimeOffset Created => created;

    public void Mac(ReadOnlySpan<byte> message, Span<byte> mac)
    {
        if (algorithm == AuditSettings.HmacSha256)
        {
            HMACSHA256.HashData(secret, message, mac);
            return;
        }
        var hmac = new Org.BouncyCastle.Crypto.Macs.HMac(new Org.BouncyCastle.Crypto.Digests.SM3Digest());
        hmac.Init(new Org.BouncyCastle.Crypto.Parameters.KeyParameter(secret));
        hmac.BlockUpdate(message);
        hmac.DoFinal(mac);
    }

    public sealed record File(string Id, string Algorithm, string Secret, DateTimeOffset Created, long UnkeyedUntil);

    public File ToFile() => new(id, algorithm, Convert.ToBase64String(secret), created, unkeyedUntil);

    public static AuditKey FromFile(File f)
    {
        if (f.Algorithm is not (AuditSettings.HmacSha256 or AuditSettings.HmacSm3))
            throw new InvalidOperationException($"audit key {f.Id}: unknown algorithm {f.Algorithm}");
        return new AuditKey(f.Id, f.Algorithm, Convert.FromBase64String(f.Secret), f.Created, f.UnkeyedUntil);
    }
}
