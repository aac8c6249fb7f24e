using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Web.Auth;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Policies;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Scoping;

/// <summary>
/// The data the scoping matrix probes: one account per role in 西区 (own jurisdiction), and for every resource a
/// row in 西区 ("own") and one in 达州 ("other"). For the enterprise user, "other" enterprise is a sibling in 西区.
/// </summary>
public sealed class ScopingWorld
{
    public const string Password = "Matrix#2026pw";
    public const string OwnCode = "510403";   // 西区
    public const string OtherCode = "511700"; // 达州市

    public required HostFixture Host { get; init; }
    public required Guid OwnJurisdiction { get; init; }
    public required Guid OtherJurisdiction { get; init; }
    public required string OwnPath { get; init; }
    public required IReadOnlyDictionary<Type, (Guid Own, Guid Other)> Rows { get; init; }
    public required Guid OwnEnterprise { get; init; }
    public required Guid SiblingEnterprise { get; init; }
    public required Guid SiblingLink { get; init; }

    public static string UserOf(string role) => $"m.{role.ToLowerInvariant()}";

    public static async Task<ScopingWorld> CreateAsync(HostFixture host)
    {
        await using var db = host.OpenSystem();
        var own = await db.Jurisdictions.SingleAsync(j => j.Code == OwnCode);
        var other = await db.Jurisdictions.SingleAsync(j => j.Code == OtherCode);
        var ownEnterprise = await db.Enterprises.SingleAsync(e => e.Uscc == DemoData.FullUscc("91510403MA6DEM001"));
        var sibling = await db.Enterprises.SingleAsync(e => e.Uscc == DemoData.FullUscc("91510403MA6DEM002"));
        var otherEnterprise = await db.Enterprises.FirstAsync(e => e.JurisdictionId == other.Id);

        var ownUnit = new GovernmentUnit { JurisdictionId = own.Id, Key = "matrix.own", Name = "矩阵测试本区单位" };
        var otherUnit = new GovernmentUnit { JurisdictionId = other.Id, Key = "matrix.other", Name = "矩阵测试外区单位" };
        var ownChain = new Modules.Chains.Chain { JurisdictionId = own.Id, Name = "矩阵测试本区产业链" };
        var otherChain = new Modules.Chains.Chain { JurisdictionId = other.Id, Name = "矩阵测试外区产业链" };
        var ownNode = new Modules.Chains.ChainNode { JurisdictionId = own.Id, ChainId = ownChain.Id, Name = "本区环节", Stage = Modules.Chains.ChainStage.Upstream, Kind = Modules.Chains.NodeKind.Material };
        var otherNode = new Modules.Chains.ChainNode { JurisdictionId = other.Id, ChainId = otherChain.Id, Name = "外区环节", Stage = Modules.Chains.ChainStage.Upstream, Kind = Modules.Chains.NodeKind.Material };
        var ownLink = new Modules.Chains.EnterpriseNodeLink { JurisdictionId = own.Id, EnterpriseId = ownEnterprise.Id, ChainId = ownChain.Id, NodeId = ownNode.Id, Role = Modules.Chains.ChainRole.ChainMember, Evidence = Modules.Chains.EvidenceStrength.Probable };
        var siblingLink = new Modules.Chains.EnterpriseNodeLink { JurisdictionId = own.Id, EnterpriseId = sibling.Id, ChainId = ownChain.Id, NodeId = ownNode.Id, Role = Modules.Chains.ChainRole.ChainMember, Evidence = Modules.Chains.EvidenceStrength.Probable };
        var otherLink = new Modules.Chains.EnterpriseNodeLink { JurisdictionId = other.Id, EnterpriseId = otherEnterprise.Id, ChainId = otherChain.Id, NodeId = otherNode.Id, Role = Modules.Chains.ChainRole.ChainMember, Evidence = Modules.Chains.EvidenceStrength.Probable };
        db.AddRange(ownChain, otherChain, ownNode, otherNode, ownLink, siblingLink, otherLink);
        var ownDocument = new PolicyDocument { JurisdictionId = own.Id, Title = "矩阵测试本区文件", ContentHash = "own", SourceText = "x", ImportedAt = DateTimeOffset.UtcNow };
        var otherDocument = new PolicyDocument { JurisdictionId = other.Id, Title = "矩阵测试外区文件", ContentHash = "other", SourceText = "x", ImportedAt = DateTimeOffset.UtcNow };
        db.AddRange(ownUnit, otherUnit, ownDocument, otherDocument);
        await db.SaveChangesAsync();

        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var role in Roles.All)
            await CreateUser(users, UserOf(role), own.Id, role, role == Roles.EnterpriseUser ? ownEnterprise.Id : null);
        var ownUser = await CreateUser(users, "m.target", own.Id, Roles.Leader, null);
        var otherUser = await CreateUser(users, "m.target.other", other.Id, Roles.Leader, null);

        return new ScopingWorld
        {
            Host = host, OwnJurisdiction = own.Id, OtherJurisdiction = other.Id, OwnPath = own.JurisdictionPath,
            OwnEnterprise = ownEnterprise.Id, SiblingEnterprise = sibling.Id, SiblingLink = siblingLink.Id,
            Rows = new Dictionary<Type, (Guid, Guid)>
            {
                [typeof(Jurisdiction)] = (own.Id, other.Id),
                [typeof(GovernmentUnit)] = (ownUnit.Id, otherUnit.Id),
                [typeof(Enterprise)] = (ownEnterprise.Id, otherEnterprise.Id),
                [typeof(AppUser)] = (ownUser, otherUser),
                [typeof(PolicyDocument)] = (ownDocument.Id, otherDocument.Id),
                [typeof(Modules.Chains.Chain)] = (ownChain.Id, otherChain.Id),
                [typeof(Modules.Chains.ChainNode)] = (ownNode.Id, otherNode.Id),
                [typeof(Modules.Chains.EnterpriseNodeLink)] = (ownLink.Id, otherLink.Id),
            },
        };
    }

    private static async Task<Guid> CreateUser(UserManager<AppUser> users, string name, Guid jurisdiction, string role, Guid? enterprise)
    {
        var user = new AppUser { UserName = name, DisplayName = name, JurisdictionId = jurisdiction, EnterpriseId = enterprise };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        if (Roles.NeedSecondFactor([role])) await DemoCodes.EnrolAsync(users, user); // the administrators sign in with a code
        return user.Id;
    }

    /// <summary>The row a role's "own" probe targets: for the enterprise user, its own enterprise.</summary>
    public Guid OwnRow(Type resource, string role) => Rows[resource].Own;

    /// <summary>The row a role must not reach: another jurisdiction's, or for the enterprise user a sibling enterprise.</summary>
    public Guid OtherRow(Type resource, string role) => (role, resource) switch
    {
        (Roles.EnterpriseUser, var r) when r == typeof(Enterprise) => SiblingEnterprise,
        (Roles.EnterpriseUser, var r) when r == typeof(Modules.Chains.EnterpriseNodeLink) => SiblingLink,
        _ => Rows[resource].Other,
    };

    /// <summary>The jurisdiction an "other" probe aims at: for the enterprise user, its own (the sibling is there).</summary>
    public Guid PlaceOf(Target target, string role, Type resource) =>
        target == Target.Own || (role == Roles.EnterpriseUser && resource == typeof(Modules.Chains.EnterpriseNodeLink)) ? OwnJurisdiction : OtherJurisdiction;
}
