namespace Qianglian.Core.Policies;

/// <summary>
/// The abbreviation rule for government unit names: long and short forms of the same department map to one
/// canonical key (区经信局 = 区经济和信息化局, 市发改委 = 市发展和改革委员会 …). Data, applied longest first.
/// </summary>
public static class UnitNames
{
    private static readonly (string Long, string Short)[] Forms =
    [
        ("经济和信息化委员会", "经信委"), ("经济信息化委员会", "经信委"), ("经济信息委", "经信委"), ("经济和信息化委", "经信委"),
        ("经济和信息化局", "经信局"), ("经济信息化局", "经信局"),
        ("发展和改革委员会", "发改委"), ("发展改革委员会", "发改委"), ("发展改革委", "发改委"), ("发展和改革委", "发改委"),
        ("发展和改革局", "发改局"), ("发展改革局", "发改局"),
        ("工业和信息化局", "工信局"), ("工业信息化局", "工信局"),
        ("住房和城乡建设局", "住建局"), ("住房城乡建设局", "住建局"),
        ("住房和城乡建设委员会", "住建委"), ("住房城乡建设委", "住建委"),
        ("自然资源和规划局", "自规局"), ("自然资源规划局", "自规局"),
        ("规划和自然资源局", "规资局"), ("规划自然资源局", "规资局"),
        ("人力资源和社会保障局", "人社局"), ("人力资源社会保障局", "人社局"), ("人力社保局", "人社局"),
        ("市场监督管理局", "市场监管局"),
        ("科学技术局", "科技局"),
        ("生态环境保护局", "生态环境局"),
        ("国有资产监督管理委员会", "国资委"),
        ("卫生健康委员会", "卫健委"), ("卫生健康委", "卫健委"),
        ("农业农村委员会", "农业农村委"),
        ("商务委员会", "商务委"),
        ("教育委员会", "教委"),
        ("交通运输局", "交通局"),
    ];

    private static readonly (string Long, string Short)[] LongestFirst = Forms.OrderByDescending(f => f.Long.Length).ToArray();

    /// <summary>The canonical key of a name: whitespace removed, long forms replaced by their short form.</summary>
    public static string Canonical(string name)
    {
        var key = new string(name.Where(c => !char.IsWhiteSpace(c) && c != '\u3000').ToArray()).Replace('(', '（').Replace(')', '）');
        foreach (var (longForm, shortForm) in LongestFirst)
            key = key.Replace(longForm, shortForm, StringComparison.Ordinal);
        return key;
    }
}
