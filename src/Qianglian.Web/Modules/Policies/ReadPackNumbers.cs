using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Packs;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Policies.Packs;

namespace Qianglian.Web.Modules.Policies;

/// <summary>
/// The numbers of each visible pack that no seed gives (issue 14 item 8): platform defaults with their basis, and the
/// national criteria transcribed from a published standard, so the packs page shows them as such and never as policy.
/// Read from the pack files as shipped (<see cref="PackNumberReader"/>); the national folder is shown to everyone.
/// </summary>
public sealed record PackNumbersView(IReadOnlyList<PackFileDefault> Sections, IReadOnlyList<PackFileNumber> Numbers);

public sealed class ReadPackNumbers(AppDb dbs, CurrentUser user)
{
    public const string National = "national";

    public async Task<IReadOnlyDictionary<string, PackNumbersView>> NotFromTheSeeds(CancellationToken ct)
    {
        user.Require(Permission.ViewPolicies);
        await using var db = dbs.Open();
        var codes = await db.PolicyPacks.AsNoTracking().Select(p => p.Code).ToListAsync(ct);
        var result = new Dictionary<string, PackNumbersView>();
        foreach (var code in codes.Append(National).Distinct())
        {
            var folder = Path.Combine(RepositoryPaths.Packs, code);
            result[code] = new(PackNumberReader.Defaults(folder), PackNumberReader.Read(folder)
                .Where(n => n.Basis is NumberBasis.PlatformDefault or NumberBasis.Standard or NumberBasis.Unlabelled).ToList());
        }
        return result;
    }
}
