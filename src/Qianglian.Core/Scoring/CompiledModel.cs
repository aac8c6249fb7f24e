namespace Qianglian.Core.Scoring;

/// <summary>
/// A valid model laid out for scoring many subjects: the values it reads in a fixed order, so a subject is an array
/// of them (a row) rather than a dictionary, and each indicator and exemption knows its place in that row.
/// </summary>
public sealed class CompiledModel
{
    private readonly Dictionary<string, int> slotOf;

    private CompiledModel(ScoringModel model)
    {
        Model = model;
        Inputs = [.. model.Reads().Order(StringComparer.Ordinal)];
        slotOf = Inputs.Select((key, n) => (key, n)).ToDictionary(x => x.key, x => x.n, StringComparer.Ordinal);
        InputSlot = [.. model.Indicators.Select(i => slotOf[i.Input])];
        AltSlot = [.. model.Indicators.Select(i => i.AltInput is { } alt ? slotOf[alt] : -1)];
        ExemptionSlot = [.. model.Exemptions.Select(x => slotOf[x.Input])];
        MaxPoints = [.. model.Indicators.Select(IndicatorMethods.MaxPoints)];
        DimensionOf = [.. model.Indicators.Select(i => model.Dimensions.FindIndex(d => d.Key == i.Dimension))];
    }

    public ScoringModel Model { get; }

    /// <summary>The keys of the values the model reads, in row order (ordinal).</summary>
    public IReadOnlyList<string> Inputs { get; }

    internal int[] InputSlot { get; }
    internal int[] AltSlot { get; }
    internal int[] ExemptionSlot { get; }
    internal decimal[] MaxPoints { get; }
    /// <summary>Each indicator's dimension as an index into the model's dimensions, or -1.</summary>
    internal int[] DimensionOf { get; }

    /// <summary>Checks the model and lays it out; an invalid model is refused with every error.</summary>
    public static CompiledModel Of(ScoringModel model)
    {
        var errors = ModelValidator.Validate(model);
        if (errors.Count > 0) throw new ArgumentException("模型有误 (invalid model): " + string.Join("; ", errors), nameof(model));
        return new CompiledModel(model);
    }

    /// <summary>The position of a value in a row, or -1 when the model does not read it.</summary>
    public int SlotOf(string key) => slotOf.GetValueOrDefault(key, -1);

    /// <summary>A subject's values as a row (absent keys are missing values).</summary>
    public decimal?[] Row(IReadOnlyDictionary<string, decimal?> values)
    {
        var row = new decimal?[Inputs.Count];
        for (var n = 0; n < row.Length; n++) row[n] = values.TryGetValue(Inputs[n], out var v) ? v : null;
        return row;
    }

    /// <summary>A row as the values by key it was made of (missing ones left out).</summary>
    public Dictionary<string, decimal?> Values(decimal?[] row)
    {
        var values = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        for (var n = 0; n < row.Length; n++)
            if (row[n] is { } v) values[Inputs[n]] = v;
        return values;
    }
}
