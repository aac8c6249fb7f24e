using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Tests.Scoping;

public enum Target { Own, Other }

/// <summary>
/// How to call each /api/v1 endpoint against an own or other row. Keyed by "METHOD route-pattern" as the host
/// reports it; an endpoint without a probe fails the matrix, so every new endpoint must be added. Each module keeps
/// its probes in its own file (Probes.&lt;Module&gt;.cs) as a static <see cref="ProbeSet"/> field; <see cref="All"/> is
/// their union.
/// </summary>
public static partial class Probes
{
    public delegate Task<HttpRequestMessage> Probe(ScopingWorld world, string role, Target target);

    private static int counter;
    private static int honourYears;
    private static int Next() => Interlocked.Increment(ref counter);

    /// <summary>A park code suffix holds at most 4 characters: the counter in base 36 stays within 3 up to 46,655.</summary>
    private static string ParkSuffix(int n)
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var text = "";
        do { text = digits[n % 36] + text; n /= 36; } while (n > 0);
        return text;
    }

    /// <summary>
    /// An honour not granted before (one per enterprise, kind, level and year): years from 2000 to 2026 first, then the
    /// next level, then the next kind — so however many matrices probe, the year stays one the registry accepts.
    /// </summary>
    private static object NextHonour()
    {
        var n = Interlocked.Increment(ref honourYears) - 1;
        // A park's or cluster's recognition is entered in the registry, not on an enterprise.
        var kinds = Enum.GetValues<Modules.Enterprises.HonourKind>().Where(k => !Modules.Enterprises.HonourNames.Collective(k)).Select(k => k.ToString()).ToArray();
        return new { kind = kinds[n / 81 % kinds.Length], level = Enum.GetNames<Modules.Enterprises.HonourLevel>()[n / 27 % 3], year = 2000 + n % 27 };
    }

    private static Guid Row<T>(ScopingWorld w, string role, Target t) =>
        t == Target.Own ? w.OwnRow(typeof(T), role) : w.OtherRow(typeof(T), role);

    private static Guid Place(ScopingWorld w, Target t) => t == Target.Own ? w.OwnJurisdiction : w.OtherJurisdiction;

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static async Task<Chain> ChainOf(ScopingWorld w, string role, Target t)
    {
        await using var db = w.Host.OpenSystem();
        return await db.Chains.SingleAsync(c => c.Id == (t == Target.Own ? w.OwnRow(typeof(Chain), role) : w.Rows[typeof(Chain)].Other));
    }

    /// <summary>A new node in the own or other chain, for probes that consume their target (merge, delete).</summary>
    private static async Task<ChainNode> FreshNode(ScopingWorld w, string role, Target t)
    {
        await using var db = w.Host.OpenSystem();
        var chain = await db.Chains.SingleAsync(c => c.Id == (t == Target.Own ? w.OwnRow(typeof(Chain), role) : w.Rows[typeof(Chain)].Other));
        var node = new ChainNode { JurisdictionId = chain.JurisdictionId, ChainId = chain.Id, Name = $"临时环节{Next()}", Stage = ChainStage.Service, Kind = NodeKind.Service };
        db.ChainNodes.Add(node);
        await db.SaveChangesAsync();
        return node;
    }

    private static HttpRequestMessage Send(HttpMethod method, string url, object body) =>
        new(method, url) { Content = JsonContent.Create(body) };

    /// <summary>Every module's probes; a route probed twice is a mistake and fails here.</summary>
    public static IReadOnlyDictionary<string, Probe> All => all ??= Collect();

    private static IReadOnlyDictionary<string, Probe>? all;

    private static Dictionary<string, Probe> Collect()
    {
        var union = new Dictionary<string, Probe>();
        var sets = typeof(Probes).GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
            .Where(f => f.FieldType == typeof(ProbeSet));
        foreach (var field in sets)
            foreach (var (key, probe) in (ProbeSet)field.GetValue(null)!)
                if (!union.TryAdd(key, probe)) throw new InvalidOperationException($"{key} is probed twice ({field.Name})");
        return union;
    }
}

/// <summary>One module's probes, keyed by "METHOD route-pattern".</summary>
public sealed class ProbeSet : Dictionary<string, Probes.Probe>;
