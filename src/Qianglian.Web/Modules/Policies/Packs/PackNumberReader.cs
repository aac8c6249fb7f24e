using Qianglian.Core.Packs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Qianglian.Web.Modules.Policies.Packs;

/// <summary>One number of a pack file and what stands behind it (<see cref="PackNumbers"/>).</summary>
public sealed record PackFileNumber(string File, string Path, string Value, NumberBasis Basis, string Why);

/// <summary>A section of a pack file labelled a platform default (<c>default: true</c>) and its basis.</summary>
public sealed record PackFileDefault(string File, string Path, string? Basis);

/// <summary>
/// Reads every YAML file of a pack folder as a tree and classifies its numbers: cited to the clause its section quotes,
/// a labelled platform default, structural, or unlabelled. The pack's document (document.txt) dates "每年" clauses.
/// </summary>
public static class PackNumberReader
{
    public static IReadOnlyList<PackFileNumber> Read(string packFolder) =>
        Trees(packFolder).SelectMany(t => PackNumbers.Classify(t.Root, t.Document).Select(n => new PackFileNumber(t.File, n.Path, n.Value, n.Basis, n.Why))).ToList();

    /// <summary>Every section labelled a platform default, numbers or not (安康's checklists, 西区 六/七's group).</summary>
    public static IReadOnlyList<PackFileDefault> Defaults(string packFolder) =>
        Trees(packFolder).SelectMany(t => PackNumbers.LabelledSections(t.Root).Select(s => new PackFileDefault(t.File, s.Path, s.Basis))).ToList();

    private static IEnumerable<(string File, PackNode Root, string? Document)> Trees(string packFolder)
    {
        if (!Directory.Exists(packFolder)) return [];
        var documentFile = Path.Combine(packFolder, "document.txt");
        var document = File.Exists(documentFile) ? File.ReadAllText(documentFile) : null;
        var result = new List<(string, PackNode, string?)>();
        foreach (var file in Directory.GetFiles(packFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            try
            {
                using var reader = new StringReader(File.ReadAllText(file));
                stream.Load(reader);
            }
            catch (YamlException)
            {
                continue; // the loaders refuse a broken file with its line; nothing to classify here
            }
            var name = Path.GetFileName(file);
            foreach (var doc in stream.Documents) result.Add((name, Convert(doc.RootNode), document));
        }
        return result;
    }

    private static PackNode Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new PackMap(map.Children.Select(c => new KeyValuePair<string, PackNode>(
            c.Key is YamlScalarNode k ? k.Value ?? "" : c.Key.ToString(), Convert(c.Value))).ToList()),
        YamlSequenceNode list => new PackList(list.Children.Select(Convert).ToList()),
        YamlScalarNode scalar => new PackScalar(scalar.Value ?? "", scalar.Style is ScalarStyle.Plain or ScalarStyle.Any),
        _ => new PackScalar("", false),
    };
}
