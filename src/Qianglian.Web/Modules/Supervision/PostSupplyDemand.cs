using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>An enterprise (or an official on its behalf) publishes a supply or a demand, answers a 链主's need, or withdraws a post.</summary>
public sealed class PostSupplyDemand(AppDb dbs, CurrentUser user, TimeProvider clock, ProductSegmenter segmenter)
{
    public sealed record Request(Guid? EnterpriseId, PostKind? Kind, Guid? ChainId, Guid? NodeId, string? Product, string? Description, Guid? AnswersPostId = null);

    public async Task<Guid> Create(Request r, CancellationToken ct)
    {
        user.Require(Permission.PostSupplyDemand);
        await using var db = dbs.Open();
        var caller = await Caller.OfAsync(user, db, ct);
        var enterpriseId = r.EnterpriseId ?? caller.EnterpriseId ?? throw new ValidationException("enterpriseId", "请选择发布企业 (the enterprise is required)");
        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == enterpriseId, ct) ?? throw new NotFoundException("enterpriseId", "企业不存在 (enterprise not found)");
        if (r.Kind is not { } kind || !Enum.IsDefined(kind)) throw new ValidationException("kind", "请选择供应或需求 (supply or demand)");
        var product = Text.Required(r.Product, "product", "产品/服务", 200);
        var chainId = r.ChainId;
        if (r.NodeId is { } nodeId)
        {
            var nodeChain = await ChainReferences.ChainOfNodeAsync(db, nodeId, enterprise.Id, "nodeId", ct);
            if (chainId is { } c && c != nodeChain) throw new ValidationException("nodeId", "环节不属于所选产业链 (the node is not of this chain)");
            chainId = nodeChain;
        }
        else await ChainReferences.RequireChainAsync(db, chainId, enterprise.Id, "chainId", ct);
        if (r.AnswersPostId is { } answered)
        {
            var need = await db.SupplyDemandPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == answered, ct) ?? throw new NotFoundException("answersPostId", "所响应的需求不存在 (demand not found)");
            if (kind != PostKind.Supply || need.Kind != PostKind.Demand || !need.ChainLeaderNeed || need.Status != PostStatus.Open)
                throw new ValidationException("answersPostId", "只能以供应响应链主企业的开放需求 (a supply answers an open demand of a chain leader)");
        }
        // A 链主's need by the one rule of who is a 链主 (role, evidence, place, the ledger's exits), from the enterprise's own links.
        var leader = kind == PostKind.Demand && chainId is { } ch
            && (await Cultivation.ChainLeaderRoster.ChainsLedByAsync(db, [enterprise.Id], null, ct)).GetValueOrDefault(ch)?.Contains(enterprise.Id) == true;
        var description = Text.Optional(r.Description, "description", 2000);
        if (chainId is { } vocabularyChain)
        {
            // The chain's node names teach the segmenter its products; of a chain kept above the caller, the named node's.
            var vocabulary = await db.ChainNodes.Where(n => n.ChainId == vocabularyChain).Select(n => n.Name).ToListAsync(ct);
            if (vocabulary.Count == 0 && r.NodeId is { } named) vocabulary.AddRange((await db.NodeNamesAsync([named], ct)).Values);
            segmenter.Learn(vocabulary);
        }
        var post = new SupplyDemandPost
        {
            JurisdictionId = enterprise.JurisdictionId, EnterpriseId = enterprise.Id, Kind = kind, ChainId = chainId, NodeId = r.NodeId, Product = product,
            Description = description, Keywords = string.Join(' ', segmenter.KeywordsOf($"{product} {description}").Order(StringComparer.Ordinal)),
            ChainLeaderNeed = leader, AnswersPostId = r.AnswersPostId, PostedAt = clock.GetUtcNow(), PostedBy = caller.Name,
        };
        db.SupplyDemandPosts.Add(post);
        await db.SaveChangesAsync(ct);
        return post.Id;
    }

    public async Task Close(Guid id, int version, CancellationToken ct)
    {
        user.Require(Permission.PostSupplyDemand);
        await using var db = dbs.Open();
        var post = await db.SupplyDemandPosts.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("post", "供需信息不存在 (post not found)");
        if (post.Status == PostStatus.Closed) throw new ConflictException("该信息已关闭 (already closed)");
        db.ExpectVersion(post, version);
        post.Status = PostStatus.Closed;
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Officials record a match between a demand and a supply and its outcome: contacted, a deal with its amount, or none.</summary>
public sealed class RecordMatch(AppDb dbs, CurrentUser user, ReadSupplyDemand reader)
{
    public sealed record CreateRequest(Guid DemandPostId, Guid SupplyPostId, MatchStatus? Status, decimal? Amount, string? Note);
    public sealed record UpdateRequest(MatchStatus? Status, decimal? Amount, string? Note, int Version);

    public async Task<Guid> Create(CreateRequest r, CancellationToken ct)
    {
        user.Require(Permission.RecordMatches);
        await using var db = dbs.Open();
        // Both posts must be ones the caller sees (its jurisdiction's): a match is recorded where its demand is.
        var demand = await db.SupplyDemandPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == r.DemandPostId, ct) ?? throw new NotFoundException("demandPostId", "需求不存在 (demand not found)");
        var supply = await db.SupplyDemandPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == r.SupplyPostId, ct) ?? throw new NotFoundException("supplyPostId", "供应不存在 (supply not found)");
        if (demand.Kind != PostKind.Demand || supply.Kind != PostKind.Supply) throw new ValidationException("supplyPostId", "须为一条需求与一条供应 (one demand and one supply)");
        if (demand.EnterpriseId == supply.EnterpriseId) throw new ValidationException("supplyPostId", "供需双方不能是同一企业 (the same enterprise on both sides)");
        if (await db.SupplyDemandMatches.AnyAsync(m => m.DemandPostId == demand.Id && m.SupplyPostId == supply.Id, ct))
            throw new ConflictException("该供需已对接登记 (this pair is already recorded)");
        var (status, amount) = Outcome(r.Status ?? MatchStatus.Proposed, r.Amount);
        var score = (await reader.Score(db, demand, supply, ct)).Total;
        var match = new SupplyDemandMatch
        {
            JurisdictionId = demand.JurisdictionId, DemandPostId = demand.Id, SupplyPostId = supply.Id, ChainId = demand.ChainId ?? supply.ChainId, Score = score,
            Status = status, Amount = amount, Note = Text.Optional(r.Note, "note", 1000), RecordedBy = (await Caller.OfAsync(user, db, ct)).Name,
        };
        db.SupplyDemandMatches.Add(match);
        await db.SaveChangesAsync(ct);
        return match.Id;
    }

    public async Task Update(Guid id, UpdateRequest r, CancellationToken ct)
    {
        user.Require(Permission.RecordMatches);
        await using var db = dbs.Open();
        var match = await db.SupplyDemandMatches.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("match", "对接记录不存在 (match not found)");
        var (status, amount) = Outcome(r.Status ?? match.Status, r.Amount);
        db.ExpectVersion(match, r.Version);
        (match.Status, match.Amount, match.Note) = (status, amount, Text.Optional(r.Note, "note", 1000) ?? match.Note);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A deal carries its contract amount (yuan, more than 0); other outcomes carry none.</summary>
    private static (MatchStatus, decimal?) Outcome(MatchStatus status, decimal? amount)
    {
        if (!Enum.IsDefined(status)) throw new ValidationException("status", "未知的对接状态 (unknown status)");
        if (status != MatchStatus.Deal) return (status, null);
        return amount is > 0 ? (status, Math.Round(amount.Value, 2)) : throw new ValidationException("amount", "成交须填写成交金额（元，大于0） (a deal needs its amount)");
    }
}
