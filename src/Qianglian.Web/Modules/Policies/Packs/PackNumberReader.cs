using Qianglian.Core.Packs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Qianglian.Web.Modules.Policies.Packs;

/// <summary>One number of a pack file and what stands behind it (<see cref="PackNumbers"/>).</summary>
public sealed record PackFileNumber(string File, string Path, string Value, NumberBasis Basis, string Why);

/// <summary>
/// Reads every YAML file of a pack folder as a tree and classifies its numbers: cited to the clause its section quotes,
/// a labelled platform default, structural, or unlabelled. The pack's document (document.txt) dates "每年" clauses.
/// </summary>
public static class PackNumberReader
{
    public static IReadOnlyList<PackFileNumber> Read(string packFolder)
    {
        if (!Directory.Exists(packFolder)) return [];
        var documentFile = Path.Combine(packFolder, "document.txt");
        var document = File.Exists(documentFile) ? File.ReadAllText(documentFile) : null;
        var result = new List<PackFileNumber>();
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
            foreach (var doc in stream.Documents)
                result.AddRange(PackNumbers.Classify(Convert(doc.RootNode), document).Select(n => new PackFileNumber(name, n.Path, n.Value, n.Basis, n.Why)));
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
