using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

public sealed record ExpertScoreView(Guid Id, Guid EnterpriseId, string EnterpriseName, string Uscc, string JurisdictionPath, Guid? ChainId, string? ChainName, int Year,
    string Key, string Indicator, decimal Score, string Reviewer, string? Note, int Version);

public sealed record ExpertScorePage(IReadOnlyList<ExpertScoreView> Items, int Total);

/// <summary>An expert score a model reads: its key (after <c>expert:</c>), the indicator's name and the range a score must lie in;
/// with the score already entered for the enterprise, chain and year, if any (and its version, to correct it).</summary>
public sealed record ExpertIndicator(string Key, string Name, decimal Min, decimal Max, decimal? Score, string? Reviewer, int? Version);

/// <summary>
/// Reviewers' expert scores as entered (paged and filtered on the server), and which expert scores apply to an
/// enterprise for a chain and year — the indicators of the models that read them, with their ranges.
/// </summary>
public sealed class ReadExpertScores(AppDb dbs, CurrentUser user)
{
    public sealed record Query(int? Year = null, Guid? ChainId = null, string? Search = null, int Page = 1, int PageSize = 20);

    public async Task<ExpertScorePage> List(Query q, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var query = from s in db.ExpertScores.AsNoTracking()
                    join e in db.Enterprises on s.EnterpriseId equals e.Id
                    join c in db.Chains on s.ChainId equals c.Id into chains
                    from c in chains.DefaultIfEmpty()
                    select new { s, e.Name, e.Uscc, ChainName = c == null ? null : c.Name, ChainPath = c == null ? null : c.JurisdictionPath };
        if (q.Year is { } year) query = query.Where(r => r.s.Year == year);
        if (q.ChainId is { } chain) query = query.Where(r => r.s.ChainId == chain);
        if (!string.IsNullOrWhiteSpace(q.Search)) query = query.Where(r => r.Name.Contains(q.Search.Trim()) || r.Uscc.StartsWith(q.Search.Trim().ToUpper()));
        var total = await query.CountAsync(ct);
        var size = Math.Clamp(q.PageSize, 1, 500);
        var rows = await query.OrderByDescending(r => r.s.Year).ThenBy(r => r.ChainName).ThenBy(r => r.Name).ThenBy(r => r.s.Key)
            .Skip((Math.Max(q.Page, 1) - 1) * size).Take(size).ToListAsync(ct);
        var names = new Dictionary<(string, bool, int), IReadOnlyList<ExpertIndicator>>();
        var items = new List<ExpertScoreView>();
        foreach (var r in rows)
        {
            var place = (r.ChainPath ?? r.s.JurisdictionPath, r.ChainPath is not null, r.s.Year);
            if (!names.TryGetValue(place, out var indicators))
                names[place] = indicators = await Applicable(db, r.s.JurisdictionPath, r.ChainPath, r.s.Year, ct);
            items.Add(new ExpertScoreView(r.s.Id, r.s.EnterpriseId, r.Name, r.Uscc, r.s.JurisdictionPath, r.s.ChainId, r.ChainName, r.s.Year, r.s.Key,
                indicators.FirstOrDefault(i => i.Key == r.s.Key)?.Name ?? r.s.Key, r.s.Score, r.s.Reviewer, r.s.Note, r.s.Version));
        }
        return new ExpertScorePage(items, total);
    }

    /// <summary>The expert scores the models applying to the enterprise (for the chain, if given) read in the year, with what is entered.</summary>
    public async Task<IReadOnlyList<ExpertIndicator>> Indicators(Guid enterpriseId, Guid? chainId, int year, CancellationToken ct)
    {
        user.Require(Permission.ViewCultivation);
        await using var db = dbs.Open();
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct) ?? throw new NotFoundException("enterprise", "企业不存在 (enterprise not found)");
        string? chainPath = null;
        if (chainId is { } id)
            chainPath = await db.Chains.Where(c => c.Id == id).Select(c => c.JurisdictionPath).FirstOrDefaultAsync(ct)
                        ?? throw new NotFoundException("chainId", "产业链不存在 (chain not found)");
        var entered = await db.ExpertScores.AsNoTracking().Where(s => s.EnterpriseId == enterpriseId && s.ChainId == chainId && s.Year == year).ToListAsync(ct);
        return (await Applicable(db, enterprise.JurisdictionPath, chainPath, year, ct))
            .Select(i => entered.FirstOrDefault(s => s.Key == i.Key) is { } s ? i with { Score = s.Score, Reviewer = s.Reviewer, Version = s.Version } : i)
            .ToList();
    }

    /// <summary>
    /// A chain's score is read by the chain's chain-leader model; an enterprise's own score by its gradient and grading
    /// models (the first that reads a key gives its name and range: the indicator's min–max, else 0 to its benchmark)
    /// and by the 专精特新 entry conditions (0–100).
    /// </summary>
    internal static async Task<IReadOnlyList<ExpertIndicator>> Applicable(AppDbContext db, string enterprisePath, string? chainPath, int year, CancellationToken ct)
    {
        var found = new List<ExpertIndicator>();
        void Add(string input, string name, decimal min, decimal max)
        {
            if (input.StartsWith(Inputs.ExpertPrefix, StringComparison.Ordinal) && input[Inputs.ExpertPrefix.Length..] is var key && found.All(f => f.Key != key))
                found.Add(new ExpertIndicator(key, name, min, max, null, null, null));
        }
        var codes = chainPath is not null ? new[] { ModelCatalog.ChainLeader } : [ModelCatalog.InnovativeSme, ModelCatalog.PerMuAbove, ModelCatalog.PerMuBelow];
        foreach (var code in codes)
            if (await ModelCatalog.Resolve(db, chainPath ?? enterprisePath, ModelKind.Scoring, code, year, ct) is { } row)
                foreach (var i in ModelJson.Read<ScoringModel>(row.Definition).Indicators)
                    Add(i.Input, i.Name, i.Min ?? 0, i.Max ?? i.Benchmark ?? 100);
        if (chainPath is null)
            foreach (var code in new[] { ModelCatalog.SrdiSme, ModelCatalog.LittleGiant })
                if (await ModelCatalog.Conditions(db, enterprisePath, code, year, ct) is { } set)
                    foreach (var c in set.Conditions.Where(c => c.Input is not null))
                        Add(c.Input!, c.Name, 0, 100);
        return found;
    }
}
