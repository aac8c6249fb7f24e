using System.Buffers;
using System.Text;
using System.Text.Json;
using Qianglian.Core.Scoring;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// A result's figures: the values its model read, by key, as a JSON object (<c>{"taxPerMu":123456.5,...}</c>, missing
/// values left out) — what the run scored, kept so the explanation can be written out again exactly. Written by hand
/// with one reused writer per thread: a province's run writes a million of them.
/// </summary>
public static class ResultFigures
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? buffer;
    [ThreadStatic] private static Utf8JsonWriter? writer;

    public static string Write(CompiledModel model, decimal?[] row)
    {
        var b = buffer ??= new ArrayBufferWriter<byte>(256);
        b.ResetWrittenCount();
        var json = writer ??= new Utf8JsonWriter(b);
        json.Reset(b);
        json.WriteStartObject();
        for (var n = 0; n < row.Length; n++)
            if (row[n] is { } v) json.WriteNumber(model.Inputs[n], v);
        json.WriteEndObject();
        json.Flush();
        return Encoding.UTF8.GetString(b.WrittenSpan);
    }

    /// <summary>The row the figures were written from (keys the model does not read are ignored).</summary>
    public static decimal?[] Read(CompiledModel model, string figures)
    {
        var row = new decimal?[model.Inputs.Count];
        using var document = JsonDocument.Parse(figures);
        foreach (var value in document.RootElement.EnumerateObject())
            if (model.SlotOf(value.Name) is >= 0 and var slot) row[slot] = value.Value.GetDecimal();
        return row;
    }
}
