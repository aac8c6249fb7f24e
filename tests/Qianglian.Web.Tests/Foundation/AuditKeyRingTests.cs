using System.Text;
using Microsoft.Extensions.Configuration;
using Org.BouncyCastle.Crypto.Digests;
using Qianglian.Web.Data;

namespace Qianglian.Web.Tests.Foundation;

/// <summary>The key directory of the audit chain: keys made once and kept private, rotated, HMAC-SM3 as the standard defines it.</summary>
public sealed class AuditKeyRingTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"qianglian-ring-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    private AuditKeyRing Ring(string algorithm) => new(AuditSettings.From(new ConfigurationBuilder()
        .AddInMemoryCollection([new("Audit:KeyDirectory", directory), new("Audit:Algorithm", algorithm)]).Build()));

    [Fact]
    public void The_first_key_is_made_once_readable_by_its_owner_only_and_records_where_unkeyed_entries_end()
    {
        var ring = Ring("HMAC-SHA256");
        Assert.Equal(long.MaxValue, ring.UnkeyedUntil); // no key yet: every entry is from before
        var key = ring.Current(headSequence: 41);
        Assert.Equal(key.Id, ring.Current(headSequence: 99).Id);
        Assert.Equal(41, Ring("HMAC-SHA256").UnkeyedUntil); // read back by another process
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, key.Id + ".json")));
    }

    [Fact]
    public void Choosing_another_algorithm_rotates_to_a_new_key_and_old_keys_stay_readable()
    {
        var sha = Ring("HMAC-SHA256").Current(0);
        var ring = Ring("hmac-sm3");
        var sm3 = ring.Current(5);
        Assert.NotEqual(sha.Id, sm3.Id);
        Assert.Equal([sha.Id, sm3.Id], ring.KeyIds);
        Assert.NotNull(ring.Find(sha.Id));
        Assert.Equal(0, ring.UnkeyedUntil); // the first key's mark stays
        Assert.Throws<InvalidOperationException>(() => Ring("MD5"));
    }

    [Fact]
    public void Keys_made_within_one_millisecond_still_sign_in_the_order_they_were_made()
    {
        var ring = Ring("HMAC-SHA256");
        var made = Enumerable.Range(0, 20).Select(i => ring.Rotate(i).Id).ToList();
        Assert.Equal(made, ring.KeyIds);
        Assert.Equal(made[^1], ring.Current(99).Id);
        Assert.Equal(made[^1], Ring("HMAC-SHA256").Current(99).Id); // another process agrees
    }

    /// <summary>
    /// HMAC-SM3 is RFC 2104's construction over SM3 (block 64 bytes): H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), with SM3 itself
    /// checked against GB/T 32905-2016's example A.1 ("abc").
    /// </summary>
    [Fact]
    public void The_sm3_key_computes_hmac_sm3()
    {
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Convert.ToHexStringLower(Sm3("abc"u8.ToArray())));
        var key = Ring("HMAC-SM3").Current(0);
        var secret = Convert.FromBase64String(System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, key.Id + ".json")))
            .RootElement.GetProperty("Secret").GetString()!);
        var message = Encoding.UTF8.GetBytes("1\u001f2026-12-07T00:00:00.000Z\u001f审计");
        var inner = Sm3([.. secret.Concat(new byte[32]).Select(b => (byte)(b ^ 0x36)), .. message]);
        var expected = Sm3([.. secret.Concat(new byte[32]).Select(b => (byte)(b ^ 0x5c)), .. inner]);
        var mac = new byte[32];
        key.Mac(message, mac);
        Assert.Equal(expected, mac);
    }

    private static byte[] Sm3(byte[] data)
    {
        var sm3 = new SM3Digest();
        sm3.BlockUpdate(data, 0, data.Length);
        var hash = new byte[32];
        sm3.DoFinal(hash, 0);
        return hash;
    }
}
