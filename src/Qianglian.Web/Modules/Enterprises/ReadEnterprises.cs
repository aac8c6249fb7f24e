using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Enterprises;

/// <summary>The registry: paged and searched on the server (a province has a million rows), and one enterprise's file.</summary>
public sealed class ReadEnterprises(AppDb dbs, CurrentUser user)
{
    public sealed record Query(string? Search, Guid? JurisdictionId, int Page = 1, int PageSize = 50);

    public async Task<EnterprisePage> List(Query query, CancellationToken ct)
    {
        user.Require(Permission.ViewEnterprises);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 500);
        await using var db = dbs.Open();
        var rows = db.Enterprises.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            // A credit code is searched by its beginning (91510403… finds every code of 西区's registrations); text that
            // cannot begin a code (any character outside GB 32100's alphabet) is searched in names only.
            var code = text.ToUpperInvariant();
            rows = code.Length <= 18 && code.All(c => Uscc.Alphabet.Contains(c))
                ? rows.Where(e => e.Name.Contains(text) || e.Uscc.StartsWith(code))
                : rows.Where(e => e.Name.Contains(text));
        }
        if (query.JurisdictionId is { } j)
        {
            var path = await db.Jurisdictions.Where(x => x.Id == j).Select(x => x.JurisdictionPath).FirstOrDefaultAsync(ct)
                       ?? throw new NotFoundException("jurisdictionId", "辖区不存在 (jurisdiction not found)");
            rows = rows.Where(e => e.JurisdictionPath.StartsWith(path));
        }
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderBy(e => e.Name).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var latest = await LatestFacts(db, items.Select(e => e.Id).ToList(), ct);
        return new EnterprisePage(items.Select(e => EnterpriseView.Of(e, latest.GetValueOrDefault(e.Id))).ToList(), total, page, size);
    }

    /// <summary>For pickers: the first matches by name or code.</summary>
    public async Task<IReadOnlyList<EnterpriseView>> Search(string? text, int take, CancellationToken ct) =>
        (await List(new Query(text, null, 1, take), ct)).Items;

    public async Task<EnterpriseDetail> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewEnterprises);
        await using var db = dbs.Open();
        var e = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFoundException("enterprise", "企业不存在 (enterprise not found)");
        var facts = await db.EnterpriseFacts.AsNoTracking().Where(f => f.EnterpriseId == id).OrderByDescending(f => f.Year).ToListAsync(ct);
        var honours = await db.EnterpriseHonours.AsNoTracking().Where(h => h.EnterpriseId == id).OrderByDescending(h => h.Year)
            .Select(h => new HonourView(h.Id, h.Kind, h.Level, h.Year)).ToListAsync(ct);
        var stored = await db.EnterpriseNodeLinks.AsNoTracking().Where(l => l.EnterpriseId == id).ToListAsync(ct);
        // The chain may be a city's, above the caller: its name and the node's come through the reference-names door.
        var chains = await db.ChainNamesAsync(stored.Select(l => l.ChainId), ct);
        var nodes = await db.NodeNamesAsync(stored.Select(l => l.NodeId), ct);
        var links = stored.OrderBy(l => l.Id).Select(l => new EnterpriseLinkView(l.Id, l.ChainId, chains.GetValueOrDefault(l.ChainId, "?"), l.NodeId,
            nodes.GetValueOrDefault(l.NodeId, "?"), l.Role, l.Evidence)).ToList();
        var industrial = e.IndustryCode is { } code && IndustryCode.Check(code).IsIndustrial;
        var section = e.IndustryCode is { } ic ? IndustryCode.Check(ic).Section : null;
        return new EnterpriseDetail(EnterpriseView.Of(e, facts.FirstOrDefault()), section is { } s ? $"{s} {IndustryCode.SectionName(s)}" : null,
            facts.Select(f => new FactView(f.Id, f.Year, f.Revenue, f.OutputValue, f.ValueAdded, f.Profit, f.TaxPaid, f.Employees, f.RdSpend,
                f.InventionPatents, f.EnergyTce, f.ElectricityKwh, f.EmissionsTonnes, f.LandMu, f.Version,
                EnterpriseSize.Classify(f.Employees, f.Revenue), Core.Enterprises.AboveScale.Is(industrial, f.Revenue))).ToList(),
            honours, links);
    }

    private static async Task<Dictionary<Guid, EnterpriseYearFact>> LatestFacts(AppDbContext db, List<Guid> ids, CancellationToken ct) =>
        (await db.EnterpriseFacts.AsNoTracking().Where(f => ids.Contains(f.EnterpriseId)).ToListAsync(ct))
        .GroupBy(f => f.EnterpriseId).ToDictionary(g => g.Key, g => g.MaxBy(f => f.Year)!);
}
