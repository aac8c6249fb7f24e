using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Qianglian.Core.Chains;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Bench;

/// <summary>
/// A deterministic synthetic province (seeded random): 21 cities and 183 counties under 贵州省's code range, N
/// enterprises spread over the counties, five years of facts each, chains × nodes in the province, every enterprise
/// on one node, and supply links between random enterprises. Written with binary COPY, the fastest load there is.
/// Three in ten of every chain's nodes have a gap, as a chain's diagnosis finds them (<see cref="GapOf"/>).
/// </summary>
public sealed class SyntheticProvince(string connectionString, int enterprises, int years, int supplyLinks, int chains, int nodesPerChain)
{
    private readonly Random random = new(20261124);
    public List<(Guid Id, string Path)> Counties { get; } = [];
    public Guid ProvinceId { get; private set; }
    public string ProvincePath { get; private set; } = "";
    public List<Guid> ChainIds { get; } = [];

    public async Task BuildAsync(AppDbContext db)
    {
        var nation = db.Jurisdictions.Local.FirstOrDefault() ?? Jurisdiction.Create(Jurisdiction.NationalCode, Jurisdiction.NationalName, JurisdictionLevel.National, null);
        if (db.Entry(nation).State == Microsoft.EntityFrameworkCore.EntityState.Detached) db.Jurisdictions.Add(nation);
        var province = Jurisdiction.Create("520000", "合成省", JurisdictionLevel.Province, nation);
        db.Jurisdictions.Add(province);
        (ProvinceId, ProvincePath) = (province.Id, province.JurisdictionPath);
        var countyCount = 0;
        for (var c = 1; c <= 21; c++)
        {
            var city = Jurisdiction.Create($"52{c:00}00", $"合成市{c}", JurisdictionLevel.City, province);
            db.Jurisdictions.Add(city);
            var counties = 183 / 21 + (c <= 183 % 21 ? 1 : 0);
            for (var k = 1; k <= counties; k++, countyCount++)
            {
                var county = Jurisdiction.Create($"52{c:00}{k:00}", $"合成县{c}-{k}", JurisdictionLevel.County, city);
                db.Jurisdictions.Add(county);
                Counties.Add((county.Id, county.JurisdictionPath));
            }
        }
        await db.SaveChangesAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var enterpriseIds = await CopyEnterprises(connection, enterprises, "91520000B", 0);
        await CopyFacts(connection, enterpriseIds);
        var nodes = await CopyChains(connection);
        await CopyLinks(connection, enterpriseIds, nodes);
        await CopySupply(connection, enterpriseIds);
        await SetShortDemand(connection);
    }

    /// <summary>
    /// The gap each node is built to have, by its ordinal (n = 0…nodesPerChain−1), one in ten each: 缺链 missing (n ≡ 3 mod
    /// 10: no enterprise is put on it), 短链 short (n ≡ 6: the chain's demand is three times the node's local output,
    /// a share of 33 % against the default threshold of 50 %), 弱链 weak (n ≡ 9: its enterprises' links are all
    /// 'probable', none confirmed). The other seven in ten have no gap. A chain map with about a third of its nodes to
    /// fill, extend or strengthen (补链、延链、强链) is what the chain diagnoses work from.
    /// </summary>
    public static GapKind GapOf(int ordinal) => (ordinal % 10) switch { 3 => GapKind.Missing, 6 => GapKind.Short, 9 => GapKind.Weak, _ => GapKind.None };

    /// <summary>The number of nodes built with each gap.</summary>
    public IReadOnlyDictionary<GapKind, int> GapsBuilt => Enumerable.Range(0, nodesPerChain).GroupBy(GapOf).Where(g => g.Key != GapKind.None)
        .ToDictionary(g => g.Key, g => g.Count() * chains);

    /// <summary>A province built before (kept with <c>keep=1</c>), to measure again without building it.</summary>
    public async Task OpenAsync(AppDbContext db)
    {
        var province = await db.Jurisdictions.SingleAsync(j => j.Code == "520000");
        (ProvinceId, ProvincePath) = (province.Id, province.JurisdictionPath);
        Counties.AddRange((await db.Jurisdictions.Where(j => j.Level == JurisdictionLevel.County && j.JurisdictionPath.StartsWith(ProvincePath))
            .OrderBy(j => j.Code).Select(j => new { j.Id, j.JurisdictionPath }).ToListAsync()).Select(j => (j.Id, j.JurisdictionPath)));
        ChainIds.AddRange(await db.Chains.Where(c => c.JurisdictionPath == ProvincePath).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
    }

    /// <summary>The 小类 of manufacturing (大类 13–43) in GB/T 4754-2017: the import checks every code against the standard.</summary>
    private static readonly string[] ManufacturingClasses = IndustryClassification.All
        .Where(e => e.Level == IndustryLevel.Class && int.Parse(e.Code[..2]) is >= 13 and <= 43).Select(e => e.Code).ToArray();

    /// <summary>The rows of N enterprises, as both the COPY baseline and the import file are made of.</summary>
    public IEnumerable<(Guid Id, string Uscc, string Name, Guid County, string Path, string Industry)> EnterpriseRows(int count, string prefix, int offset)
    {
        var rows = new Random(offset + 7);
        for (var i = 0; i < count; i++)
        {
            var first17 = $"{prefix}{offset + i:D8}";
            var (county, path) = Counties[rows.Next(Counties.Count)];
            yield return (Guid.CreateVersion7(), first17 + Uscc.CheckCharacter(first17), $"合成企业{offset + i:D8}", county, path, ManufacturingClasses[rows.Next(ManufacturingClasses.Length)]);
        }
    }

    public async Task<List<(Guid Id, string Path)>> CopyEnterprises(NpgsqlConnection connection, int count, string prefix, int offset)
    {
        var ids = new List<(Guid, string)>(count);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"Enterprises\" (\"Id\", \"Uscc\", \"Name\", \"IndustryCode\", \"Listing\", \"CloudAdopted\", \"Version\", \"JurisdictionId\", \"JurisdictionPath\") FROM STDIN (FORMAT BINARY)");
        foreach (var row in EnterpriseRows(count, prefix, offset))
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(row.Uscc);
            await copy.WriteAsync(row.Name);
            await copy.WriteAsync(row.Industry);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
            await copy.WriteAsync(row.County, NpgsqlDbType.Uuid);
            await copy.WriteAsync(row.Path);
            ids.Add((row.Id, row.Path));
        }
        await copy.CompleteAsync();
        return ids;
    }

    /// <summary>
    /// Five years of facts, written a year at a time as yearly statistics are imported (so a year's rows lie together,
    /// as they do in a live database); each enterprise's revenue falls by a tenth a year into the past.
    /// </summary>
    private async Task CopyFacts(NpgsqlConnection connection, List<(Guid Id, string Path)> enterpriseIds)
    {
        var counties = Counties.ToDictionary(c => c.Path, c => c.Id);
        var firstRevenue = enterpriseIds.Select(_ => (decimal)Math.Round(Math.Exp(random.NextDouble() * 8 + 13), 2)).ToArray(); // ≈ 44万 to 1.3亿, a long tail
        for (var y = years - 1; y >= 0; y--)
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY \"EnterpriseYearFacts\" (\"Id\", \"EnterpriseId\", \"Year\", \"Revenue\", \"OutputValue\", \"ValueAdded\", \"Profit\", \"TaxPaid\", \"Employees\", \"RdSpend\", \"InventionPatents\", \"EnergyTce\", \"ElectricityKwh\", \"EmissionsTonnes\", \"LandMu\", \"Version\", \"JurisdictionId\", \"JurisdictionPath\") FROM STDIN (FORMAT BINARY)");
            for (var e = 0; e < enterpriseIds.Count; e++)
            {
                var (id, path) = enterpriseIds[e];
                var revenue = firstRevenue[e] * (decimal)Math.Pow(0.9, y);
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(2024 - y, NpgsqlDbType.Integer);
                foreach (var money in new[] { revenue, revenue * 0.9m, revenue * 0.25m, revenue * 0.05m, revenue * 0.03m })
                    await copy.WriteAsync(Math.Round(money, 2), NpgsqlDbType.Numeric);
                await copy.WriteAsync(random.Next(5, 2000), NpgsqlDbType.Integer);
                await copy.WriteAsync(Math.Round(revenue * 0.02m, 2), NpgsqlDbType.Numeric);
                await copy.WriteAsync(random.Next(0, 50), NpgsqlDbType.Integer);
                foreach (var quantity in new[] { revenue / 100_000m, revenue / 10m, revenue / 1_000_000m, random.Next(5, 300) })
                    await copy.WriteAsync(Math.Round(quantity, 4), NpgsqlDbType.Numeric);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(counties[path], NpgsqlDbType.Uuid);
                await copy.WriteAsync(path);
            }
            await copy.CompleteAsync();
        }
    }

    private readonly HashSet<Guid> weakNodes = [];
    private readonly HashSet<Guid> shortNodes = [];

    private async Task<List<(Guid Chain, Guid Node)>> CopyChains(NpgsqlConnection connection)
    {
        var nodes = new List<(Guid, Guid)>();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"Chains\" (\"Id\", \"Name\", \"Ordinal\", \"DeputyUserIds\", \"HostJurisdictionIds\", \"CollaboratingJurisdictionIds\", \"CooperatingUnitIds\", \"Version\", \"JurisdictionId\", \"JurisdictionPath\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var c = 0; c < chains; c++)
            {
                var id = Guid.CreateVersion7();
                ChainIds.Add(id);
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync($"合成产业链{c + 1:00}");
                await copy.WriteAsync(c + 1, NpgsqlDbType.Integer);
                foreach (var _ in Enumerable.Range(0, 4)) await copy.WriteAsync(Array.Empty<Guid>(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(ProvinceId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(ProvincePath);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"ChainNodes\" (\"Id\", \"ChainId\", \"ParentId\", \"Name\", \"Stage\", \"Kind\", \"Keys\", \"Ordinal\", \"Demand\", \"Version\", \"JurisdictionId\", \"JurisdictionPath\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var chain in ChainIds)
                for (var n = 0; n < nodesPerChain; n++)
                {
                    var id = Guid.CreateVersion7();
                    switch (GapOf(n))
                    {
                        case GapKind.Missing: break; // no enterprise goes on it
                        case GapKind.Weak: weakNodes.Add(id); nodes.Add((chain, id)); break;
                        case GapKind.Short: shortNodes.Add(id); nodes.Add((chain, id)); break;
                        default: nodes.Add((chain, id)); break;
                    }
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(chain, NpgsqlDbType.Uuid);
                    await copy.WriteNullAsync();
                    await copy.WriteAsync($"环节{n + 1:00}");
                    await copy.WriteAsync(1 + n * 4 / nodesPerChain, NpgsqlDbType.Integer);
                    await copy.WriteAsync(1 + n % 6, NpgsqlDbType.Integer);
                    await copy.WriteAsync(0, NpgsqlDbType.Integer);
                    await copy.WriteAsync(n + 1, NpgsqlDbType.Integer);
                    await copy.WriteAsync((decimal)random.Next(1, 100) * 10_000_000m, NpgsqlDbType.Numeric);
                    await copy.WriteAsync(0, NpgsqlDbType.Integer);
                    await copy.WriteAsync(ProvinceId, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(ProvincePath);
                }
            await copy.CompleteAsync();
        }
        return nodes;
    }

    private async Task CopyLinks(NpgsqlConnection connection, List<(Guid Id, string Path)> enterpriseIds, List<(Guid Chain, Guid Node)> nodes)
    {
        var counties = Counties.ToDictionary(c => c.Path, c => c.Id);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"EnterpriseNodeLinks\" (\"Id\", \"EnterpriseId\", \"ChainId\", \"NodeId\", \"Role\", \"Evidence\", \"Version\", \"JurisdictionId\", \"JurisdictionPath\") FROM STDIN (FORMAT BINARY)");
        foreach (var (id, path) in enterpriseIds)
        {
            var (chain, node) = nodes[random.Next(nodes.Count)];
            await copy.StartRowAsync();
            await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await copy.WriteAsync(id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(chain, NpgsqlDbType.Uuid);
            await copy.WriteAsync(node, NpgsqlDbType.Uuid);
            await copy.WriteAsync(random.Next(200) == 0 ? 1 : 2, NpgsqlDbType.Integer);
            var evidence = random.Next(3) == 0 ? 2 : 1;
            await copy.WriteAsync(weakNodes.Contains(node) ? 2 : evidence, NpgsqlDbType.Integer);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
            await copy.WriteAsync(counties[path], NpgsqlDbType.Uuid);
            await copy.WriteAsync(path);
        }
        await copy.CompleteAsync();
    }

    /// <summary>The short nodes' demand: three times their local output in the latest year.</summary>
    private async Task SetShortDemand(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE "ChainNodes" n SET "Demand" = 3 * o.output
            FROM (SELECT l."NodeId", sum(f."OutputValue") AS output FROM "EnterpriseNodeLinks" l
                  JOIN "EnterpriseYearFacts" f ON f."EnterpriseId" = l."EnterpriseId" AND f."Year" = 2024
                  WHERE l."NodeId" = ANY(@nodes) GROUP BY l."NodeId") o
            WHERE n."Id" = o."NodeId"
            """, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("nodes", shortNodes.ToArray());
        await command.ExecuteNonQueryAsync();
    }

    private async Task CopySupply(NpgsqlConnection connection, List<(Guid Id, string Path)> enterpriseIds)
    {
        var counties = Counties.ToDictionary(c => c.Path, c => c.Id);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"SupplyLinks\" (\"Id\", \"SupplierId\", \"CustomerId\", \"Product\", \"Year\", \"Amount\", \"Version\", \"JurisdictionId\", \"JurisdictionPath\") FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < supplyLinks; i++)
        {
            var supplier = enterpriseIds[random.Next(enterpriseIds.Count)];
            var customer = enterpriseIds[random.Next(enterpriseIds.Count)];
            if (supplier.Id == customer.Id) continue;
            await copy.StartRowAsync();
            await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await copy.WriteAsync(supplier.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(customer.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync("原料");
            await copy.WriteAsync(2024, NpgsqlDbType.Integer);
            await copy.WriteAsync((decimal)random.Next(1, 10_000) * 1_000m, NpgsqlDbType.Numeric);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
            await copy.WriteAsync(counties[customer.Path], NpgsqlDbType.Uuid);
            await copy.WriteAsync(customer.Path);
        }
        await copy.CompleteAsync();
    }
}
