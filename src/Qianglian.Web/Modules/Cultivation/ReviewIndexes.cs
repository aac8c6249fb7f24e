namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// The enterprises of a review numbered 0 … n − 1, each with its jurisdiction and that jurisdiction's number in the
/// review's <see cref="Locality"/>: a province's million looked up by id once each.
/// </summary>
internal sealed class EnterpriseIndex(Locality locality)
{
    private readonly Dictionary<Guid, int> index = [];
    private readonly List<Guid> ids = [];
    private readonly List<Guid> places = [];
    private readonly List<int> placeNumbers = [];

    public int Count => ids.Count;

    public void Add(Guid id, Guid place)
    {
        if (!index.TryAdd(id, ids.Count)) return;
        ids.Add(id);
        places.Add(place);
        placeNumbers.Add(locality.PlaceOf(place));
    }

    /// <summary>The number of the enterprise's jurisdiction in the <see cref="Locality"/>.</summary>
    public int PlaceNumberOf(int n) => placeNumbers[n];

    /// <summary>The number of an enterprise, or -1 when it is not one of the review's.</summary>
    public int IndexOf(Guid id) => index.GetValueOrDefault(id, -1);

    public Guid IdOf(int n) => ids[n];

    public Guid PlaceOf(int n) => places[n];
}

/// <summary>The pairs (numbers into a review's list of enterprise–chain pairs) of each enterprise, as linked lists in two arrays.</summary>
internal sealed class PairsOf
{
    private readonly int[] first;
    private readonly int[] next;

    public PairsOf(int enterprises, IEnumerable<int> enterpriseOfPair)
    {
        first = new int[enterprises];
        Array.Fill(first, -1);
        var owners = enterpriseOfPair.ToArray();
        next = new int[owners.Length];
        for (var p = owners.Length - 1; p >= 0; p--) (next[p], first[owners[p]]) = (first[owners[p]], p);
    }

    public bool Any(int enterprise) => first[enterprise] >= 0;

    /// <summary>The first pair of an enterprise (-1: none); <see cref="Next"/> walks on, for loops that must not allocate.</summary>
    public int First(int enterprise) => first[enterprise];

    public int Next(int pair) => next[pair];
}

/// <summary>
/// The chains of a review and the places (jurisdictions) of its enterprises, numbered, with whether each place lies
/// within each chain's jurisdiction (本地) decided once: a million purchases then ask an array.
/// </summary>
internal sealed class Locality
{
    private readonly Dictionary<Guid, int> placeIndex = [];
    private readonly Dictionary<Guid, int> chainIndex = [];
    private readonly Guid[] chainIds;
    private readonly bool[] local;

    public Locality(IReadOnlyDictionary<Guid, string> places, IReadOnlyDictionary<Guid, string> chains)
    {
        chainIds = [.. chains.Keys];
        for (var c = 0; c < chainIds.Length; c++) chainIndex[chainIds[c]] = c;
        var placeIds = places.Keys.ToArray();
        for (var p = 0; p < placeIds.Length; p++) placeIndex[placeIds[p]] = p;
        local = new bool[placeIds.Length * chainIds.Length];
        for (var p = 0; p < placeIds.Length; p++)
            for (var c = 0; c < chainIds.Length; c++)
                local[p * chainIds.Length + c] = places[placeIds[p]].StartsWith(chains[chainIds[c]], StringComparison.Ordinal);
    }

    /// <summary>The number of a place, or -1 for one that is not a jurisdiction (never local).</summary>
    public int PlaceOf(Guid place) => placeIndex.GetValueOrDefault(place, -1);

    public int ChainOf(Guid chain) => chainIndex[chain];

    public Guid ChainId(int chain) => chainIds[chain];

    public bool IsLocal(int place, int chain) => place >= 0 && local[place * chainIds.Length + chain];
}
