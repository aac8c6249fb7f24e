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
}
