using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// The year's purchases of a tier review's enterprise–chain pairs, summed as the supply links stream by: in all, from
/// suppliers within the chain's jurisdiction (本地), and the number of distinct local suppliers.
/// </summary>
internal sealed class Purchases(int pairs)
{
    public decimal[] Total { get; } = new decimal[pairs];
    public decimal[] Local { get; } = new decimal[pairs];
    public int[] LocalSuppliers { get; } = new int[pairs];

    /// <param name="pairs">Each pair's chain (its number in <paramref name="locality"/>) and enterprise (its number in <paramref name="enterprises"/>).</param>
    public static async Task<Purchases> SumAsync(AppDbContext db, int year, EnterpriseIndex enterprises, IReadOnlyList<(int Chain, int Enterprise)> pairs,
        PairsOf pairsOf, Locality locality, CancellationToken ct)
    {
        var sums = new Purchases(pairs.Count);
        // Each local purchase as (pair, supplier) in one number; sorted at the end, the distinct ones are counted.
        var bought = new List<long>();
        void Add(int customer, int supplier, int place, decimal amount)
        {
            for (var n = pairsOf.First(customer); n >= 0; n = pairsOf.Next(n))
            {
                sums.Total[n] += amount;
                if (!locality.IsLocal(place, pairs[n].Chain)) continue;
                sums.Local[n] += amount;
                bought.Add(((long)n << 32) | (uint)supplier);
            }
        }

        // A supplier is mostly one of the review's own enterprises; the others are looked up once, at the end.
        var elsewhere = new List<(int Customer, Guid Supplier, decimal Amount)>();
        await foreach (var p in db.SupplyLinks.AsNoTracking().Where(s => s.Year == year).Select(s => new { s.CustomerId, s.SupplierId, s.Amount })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            var customer = enterprises.IndexOf(p.CustomerId);
            if (customer < 0 || !pairsOf.Any(customer)) continue;
            var supplier = enterprises.IndexOf(p.SupplierId);
            if (supplier >= 0) Add(customer, supplier, enterprises.PlaceNumberOf(supplier), p.Amount);
            else elsewhere.Add((customer, p.SupplierId, p.Amount));
        }
        // A supplier is always a registered enterprise (a foreign key); one the caller does not see lies outside its
        // subtree, where no chain of the review is kept: its sales count in the total, never as local.
        var others = elsewhere.Select(e => e.Supplier).Distinct().ToList();
        var placeOf = new Dictionary<Guid, Guid>();
        foreach (var chunk in others.Chunk(2000))
            foreach (var s in await db.Enterprises.Where(e => chunk.Contains(e.Id)).Select(e => new { e.Id, e.JurisdictionId }).ToListAsync(ct))
                placeOf[s.Id] = s.JurisdictionId;
        var numberOf = others.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => enterprises.Count + x.k);
        foreach (var (customer, supplier, amount) in elsewhere)
            Add(customer, numberOf[supplier], placeOf.TryGetValue(supplier, out var place) ? locality.PlaceOf(place) : -1, amount);

        bought.Sort();
        for (var k = 0; k < bought.Count; k++)
            if (k == 0 || bought[k] != bought[k - 1]) sums.LocalSuppliers[(int)(bought[k] >> 32)]++;
        return sums;
    }
}
