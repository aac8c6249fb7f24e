using Qianglian.Core.Audit;

namespace Qianglian.Core.Tests.Audit;

public class AuditChainTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static List<(AuditRecord Record, string Hash)> Chain(int length)
    {
        var chain = new List<(AuditRecord, string)>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= length; i++)
        {
            var record = new AuditRecord(i, At.AddSeconds(i), "xiqu.office", "GovernmentUnit", $"key-{i}", "Modified",
                "{\"Name\":{\"before\":\"区经信局\",\"after\":\"区经济和信息化局" + i + "\"}}", "/100000/510000/", previous);
            var hash = AuditChain.Hash(record);
            chain.Add((record, hash));
            previous = hash;
        }
        return chain;
    }

    [Fact]
    public void Intact_chain_verifies() => Assert.Null(AuditChain.Verify(Chain(5)));

    [Fact]
    public void Hash_depends_on_every_field()
    {
        var (record, hash) = Chain(1)[0];
        Assert.NotEqual(hash, AuditChain.Hash(record with { UserName = "other" }));
        Assert.NotEqual(hash, AuditChain.Hash(record with { Changes = "{}" }));
        Assert.NotEqual(hash, AuditChain.Hash(record with { At = record.At.AddMilliseconds(1) }));
        Assert.NotEqual(hash, AuditChain.Hash(record with { PreviousHash = new string('1', 64) }));
    }

    [Fact]
    public void Hash_is_sha256_of_the_fields_joined_by_unit_separators()
    {
        // The definition every stored log was hashed with: it must not drift when the hashing is made faster.
        var record = new AuditRecord(1234567, new DateTimeOffset(2026, 11, 25, 23, 59, 58, 7, TimeSpan.FromHours(8)), "达州.办公室", "Enterprise", "0193a1b2-c3d4,2",
            "Added", "{\"Name\":{\"before\":null,\"after\":\"四川某某有限公司 𠀀\"}}", "/100000/510000/511700/", AuditChain.Genesis);
        var canonical = string.Join('\u001f', "1234567", "2026-11-25T15:59:58.007Z", record.UserName, record.EntityType, record.EntityKey, record.Action,
            record.Changes, record.JurisdictionPath, record.PreviousHash);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
        Assert.Equal(expected, AuditChain.Hash(record));
        Assert.Equal(expected, AuditChain.Hash(record with { Changes = new string(record.Changes) }));
    }

    [Fact]
    public void Edited_entry_is_the_first_break()
    {
        var chain = Chain(5);
        chain[2] = (chain[2].Record with { Changes = "{}" }, chain[2].Hash);
        var broken = AuditChain.Verify(chain);
        Assert.Equal(3, broken?.Sequence);
    }

    [Fact]
    public void Deleted_entry_is_detected_as_a_gap()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Equal(3, AuditChain.Verify(chain)?.Sequence);
    }

    [Fact]
    public void Deleted_first_entry_is_detected()
    {
        var chain = Chain(3);
        chain.RemoveAt(0);
        Assert.Equal(2, AuditChain.Verify(chain)?.Sequence);
    }

    [Fact]
    public void Rehashed_edit_still_breaks_the_next_link()
    {
        var chain = Chain(4);
        var forged = chain[1].Record with { UserName = "intruder" };
        chain[1] = (forged, AuditChain.Hash(forged));
        Assert.Equal(3, AuditChain.Verify(chain)?.Sequence);
    }

    private sealed class TestKey(string id, byte secret) : IAuditKey
    {
        public string Id => id;
        public void Mac(ReadOnlySpan<byte> message, Span<byte> mac) =>
            System.Security.Cryptography.HMACSHA256.HashData(Enumerable.Repeat(secret, 32).ToArray(), message, mac);
    }

    private static readonly TestKey First = new("k1", 1), Second = new("k2", 2);

    private static IAuditKey? Keys(string id) => id switch { "k1" => First, "k2" => Second, _ => null };

    /// <summary>Three entries from before the chain was keyed, then two with k1 and one with k2 (a rotation).</summary>
    private static List<(AuditRecord Record, string Hash)> Upgraded()
    {
        var chain = Chain(3);
        var previous = chain[^1].Hash;
        foreach (var (sequence, key) in new[] { (4L, First), (5L, First), (6L, Second) })
        {
            var record = new AuditRecord(sequence, At.AddSeconds(sequence), "xiqu.office", "GovernmentUnit", $"key-{sequence}", "Added", "{}",
                "/100000/510000/", previous, Guid.NewGuid(), key.Id);
            var mac = AuditChain.Mac(record, key);
            chain.Add((record, mac));
            previous = mac;
        }
        return chain;
    }

    [Fact]
    public void Unkeyed_entries_before_the_keyed_ones_and_entries_of_rotated_keys_verify() =>
        Assert.Null(AuditChain.Verify(Upgraded(), Keys, unkeyedUntil: 3));

    [Fact]
    public void The_mac_covers_the_user_id_and_the_key_id()
    {
        var (record, mac) = Upgraded()[3];
        Assert.NotEqual(mac, AuditChain.Mac(record with { UserId = Guid.NewGuid() }, First));
        Assert.NotEqual(mac, AuditChain.Mac(record with { UserId = null }, First));
        Assert.NotEqual(mac, AuditChain.Mac(record, new TestKey("k1", 9)));
        Assert.Throws<ArgumentException>(() => AuditChain.Mac(record, Second)); // an entry is made with the key it names
    }

    [Fact]
    public void An_edit_recomputed_without_the_key_is_found()
    {
        var chain = Upgraded();
        var forged = chain[4].Record with { UserName = "intruder" };
        chain[4] = (forged, AuditChain.Mac(forged, new TestKey("k1", 7)));
        Assert.Equal(5, AuditChain.Verify(chain, Keys, unkeyedUntil: 3)?.Sequence);
    }

    [Fact]
    public void A_keyed_entry_turned_into_an_unkeyed_one_is_found()
    {
        var chain = Upgraded();
        var downgraded = chain[4].Record with { KeyId = null, UserName = "intruder" };
        chain[4] = (downgraded, AuditChain.Hash(downgraded));
        Assert.Equal(5, AuditChain.Verify(chain, Keys, unkeyedUntil: 3)?.Sequence);
        Assert.Null(AuditChain.Verify(chain[..5], Keys, unkeyedUntil: long.MaxValue)); // which is why the first key records where unkeyed entries end
    }

    [Fact]
    public void An_entry_whose_key_is_missing_does_not_verify() =>
        Assert.Equal(6, AuditChain.Verify(Upgraded(), id => id == "k1" ? First : null, unkeyedUntil: 3)?.Sequence);
}
