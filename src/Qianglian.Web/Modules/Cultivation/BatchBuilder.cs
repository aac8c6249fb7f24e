namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// Turns streamed items into results on every core, a batch at a time, while the stream that feeds it is still being
/// read; the results keep the order of the items.
/// </summary>
internal sealed class BatchBuilder<TIn, TOut>(Func<TIn, TOut> build, int batchSize = 10_000)
{
    private List<TIn> batch = new(batchSize);
    private readonly List<Task<TOut[]>> built = [];

    public void Add(TIn item)
    {
        batch.Add(item);
        if (batch.Count == batchSize) Flush();
    }

    private void Flush()
    {
        var items = batch;
        batch = new List<TIn>(batchSize);
        built.Add(Task.Run(() =>
        {
            var results = new TOut[items.Count];
            for (var n = 0; n < results.Length; n++) results[n] = build(items[n]);
            return results;
        }));
    }

    public async Task<List<TOut>> ToListAsync()
    {
        if (batch.Count > 0) Flush();
        var parts = await Task.WhenAll(built);
        var all = new List<TOut>(parts.Sum(p => p.Length));
        foreach (var part in parts) all.AddRange(part);
        return all;
    }
}
