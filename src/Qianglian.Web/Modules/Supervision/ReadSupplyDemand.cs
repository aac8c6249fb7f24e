using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qianglian.Core.Enterprises;
using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Supervision;

public sealed record PostRow(Guid Id, PostKind Kind, Guid EnterpriseId, string Enterprise, Guid? ChainId, string? Chain, string Product, string? Description,
    IReadOnlyList<string> Keywords, bool ChainLeaderNeed, Guid? AnswersPostId, PostStatus Status, DateTimeOffset PostedAt, string JurisdictionPath, int Version);

public sealed record MatchCandidate(PostRow Post, MatchScore Score, bool Answers);

public sealed record MatchRow(Guid Id, Guid DemandPostId, string Demand, string Buyer, Guid SupplyPostId, string Supply, string Supplier, decimal Score,
    MatchStatus Status, decimal? Amount, string? Note, string JurisdictionPath, int Version);

public sealed record SupplyDemandFigures(Guid? ChainId, string Chain, int OpenSupplies, int OpenDemands, int ChainLeaderNeeds, int Matches, int Deals, decimal DealAmount);

/// <summary>
/// Supply and demand: the posts of the caller's jurisdiction, the ranked counterparts of one post (node, product
/// keywords, locality, size — Core's <see cref="SupplyDemandMatching"/>), the recorded matches, and counts per chain.
/// A published post names its enterprise and that enterprise's size class, also to other enterprises.
/// </summary>
public sealed class ReadSupplyDemand(AppDb dbs, CurrentUser user, IStringLocalizer<Strings> strings)
{
    public async Task<IReadOnlyList<PostRow>> Posts(PostKind? kind, Guid? chainId, bool openOnly, CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var posts = db.SupplyDemandPosts.AsNoTracking().AsQueryable();
        if (kind is { } k) posts = posts.Where(p => p.Kind == k);
        if (chainId is { } c) posts = posts.Where(p => p.ChainId == c);
        if (openOnly) posts = posts.Where(p => p.Status == PostStatus.Open);
        return await Rows(db, await posts.OrderByDescending(p => p.PostedAt).Take(500).ToListAsync(ct), ct);
    }

    public async Task<IReadOnlyList<MatchCandidate>> Candidates(Guid postId, CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var post = await db.SupplyDemandPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct) ?? throw new NotFoundException("post", "供需信息不存在 (post not found)");
        var opposite = post.Kind == PostKind.Supply ? PostKind.Demand : PostKind.Supply;
        var candidates = await db.SupplyDemandPosts.AsNoTracking()
            .Where(p => p.Kind == opposite && p.Status == PostStatus.Open && p.EnterpriseId != post.EnterpriseId).Take(2000).ToListAsync(ct);
        var rules = SupervisionSettingsReader.RulesOf(await SupervisionSettingsReader.ForPathAsync(db, post.JurisdictionPath, ct));
        var sizes = await db.PosterSizesAsync(candidates.Append(post), ct);
        var me = Side(post, sizes);
        var ranked = candidates.Select(c => (Post: c, Score: SupplyDemandMatching.Score(me, Side(c, sizes), rules.Matching)))
            .Where(x => x.Score.Total > 0).OrderByDescending(x => x.Post.AnswersPostId == post.Id).ThenByDescending(x => x.Score.Total).Take(20).ToList();
        var rows = (await Rows(db, ranked.Select(x => x.Post).ToList(), ct)).ToDictionary(r => r.Id);
        return ranked.Select(x => new MatchCandidate(rows[x.Post.Id], x.Score, x.Post.AnswersPostId == post.Id)).ToList();
    }

    public async Task<IReadOnlyList<MatchRow>> Matches(Guid? chainId, CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var matches = await MatchesOf(db).Where(m => chainId == null || m.ChainId == chainId).Take(1000).ToListAsync(ct);
        // A match may pair a post of another county: both posts are published, read by id through their door.
        var posts = await db.PublishedPostsAsync(matches.SelectMany(m => new[] { m.DemandPostId, m.SupplyPostId }), ct);
        var names = await db.PosterNamesAsync(posts.Values, ct);
        return matches.Select(m => new MatchRow(m.Id, m.DemandPostId, posts[m.DemandPostId].Product, names.GetValueOrDefault(posts[m.DemandPostId].EnterpriseId, ""),
            m.SupplyPostId, posts[m.SupplyPostId].Product, names.GetValueOrDefault(posts[m.SupplyPostId].EnterpriseId, ""), m.Score, m.Status, m.Amount, m.Note,
            m.JurisdictionPath, m.Version)).ToList();
    }

    /// <summary>Per chain: open supplies and demands, 链主 needs, matches, deals and the deals' amount (the dashboard's counts).</summary>
    public async Task<IReadOnlyList<SupplyDemandFigures>> Figures(CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var posts = await db.SupplyDemandPosts.AsNoTracking().Where(p => p.Status == PostStatus.Open)
            .GroupBy(p => p.ChainId).Select(g => new
            {
                g.Key, Supplies = g.Count(p => p.Kind == PostKind.Supply), Demands = g.Count(p => p.Kind == PostKind.Demand), Needs = g.Count(p => p.ChainLeaderNeed),
            }).ToListAsync(ct);
        var matches = await MatchesOf(db).Select(m => new { m.ChainId, m.Status, m.Amount }).ToListAsync(ct);
        var keys = posts.Select(p => p.Key).Concat(matches.Select(m => m.ChainId)).Distinct().ToList();
        var chains = await db.ChainNamesAsync(keys.OfType<Guid>(), ct);
        return keys.Select(k =>
        {
            var p = posts.FirstOrDefault(x => x.Key == k);
            var m = matches.Where(x => x.ChainId == k).ToList();
            return new SupplyDemandFigures(k, k is { } c ? chains.GetValueOrDefault(c, "") : strings["NoChainLinked"], p?.Supplies ?? 0, p?.Demands ?? 0, p?.Needs ?? 0,
                m.Count, m.Count(x => x.Status == MatchStatus.Deal), m.Where(x => x.Status == MatchStatus.Deal).Sum(x => x.Amount ?? 0));
        }).OrderByDescending(f => f.Matches).ThenBy(f => f.Chain, StringComparer.Ordinal).ToList();
    }

    internal async Task<MatchScore> Score(AppDbContext db, SupplyDemandPost demand, SupplyDemandPost supply, CancellationToken ct)
    {
        var rules = SupervisionSettingsReader.RulesOf(await SupervisionSettingsReader.ForPathAsync(db, demand.JurisdictionPath, ct));
        var sizes = await db.PosterSizesAsync([demand, supply], ct);
        return SupplyDemandMatching.Score(Side(demand, sizes), Side(supply, sizes), rules.Matching);
    }

    /// <summary>
    /// The matches the caller may count: every match of its jurisdiction for an official; for an enterprise user only
    /// the matches one of its own posts is in — another enterprise's deal and its amount are not published.
    /// </summary>
    private static IQueryable<SupplyDemandMatch> MatchesOf(AppDbContext db)
    {
        var matches = db.SupplyDemandMatches.AsNoTracking();
        if (db.Scope.EnterpriseId is not { } own) return matches;
        var mine = db.SupplyDemandPosts.Where(p => p.EnterpriseId == own).Select(p => p.Id);
        return matches.Where(m => mine.Contains(m.DemandPostId) || mine.Contains(m.SupplyPostId));
    }

    private static MatchSide Side(SupplyDemandPost p, IReadOnlyDictionary<Guid, SizeClass> sizes) =>
        new(p.ChainId, p.NodeId, ProductSegmenter.Parse(p.Keywords), p.JurisdictionPath, sizes.TryGetValue(p.EnterpriseId, out var s) ? s : null);

    private static async Task<IReadOnlyList<PostRow>> Rows(AppDbContext db, IReadOnlyList<SupplyDemandPost> posts, CancellationToken ct)
    {
        var names = await db.PosterNamesAsync(posts, ct);
        var chains = await db.ChainNamesAsync(posts.Select(p => p.ChainId).OfType<Guid>(), ct);
        return posts.Select(p => new PostRow(p.Id, p.Kind, p.EnterpriseId, names.GetValueOrDefault(p.EnterpriseId, ""), p.ChainId, p.ChainId is { } c ? chains.GetValueOrDefault(c) : null,
            p.Product, p.Description, ProductSegmenter.Parse(p.Keywords).Order(StringComparer.Ordinal).ToList(), p.ChainLeaderNeed, p.AnswersPostId, p.Status, p.PostedAt,
            p.JurisdictionPath, p.Version)).ToList();
    }
}
