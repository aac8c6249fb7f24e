using Qianglian.Core.Jurisdictions;

namespace Qianglian.Core.Packs;

/// <summary>Checks one pack's data and its internal references; every problem names its field.</summary>
public static class PackValidator
{
    public static readonly IReadOnlySet<string> Levels = new HashSet<string> { "province", "city", "county", "park" };
    public static readonly IReadOnlySet<string> UnitKinds = new HashSet<string> { "government", "countyGovernment", "party", "parkCommittee", "township", "other" };
    public static readonly IReadOnlySet<string> Comparisons = new HashSet<string> { ">=", ">", "<=", "<", "between" };
    public static readonly IReadOnlySet<string> Scopes = new HashSet<string>
        { "jurisdiction", "chain", "perChain", "perCounty", "perEcosystem", "perProject", "perChainLeader" };

    public static IReadOnlyList<PackError> Validate(PackDefinition pack)
    {
        var errors = new List<PackError>();
        void Error(string field, string message) => errors.Add(new PackError(pack.Code, field, message));

        if (string.IsNullOrWhiteSpace(pack.Code)) Error("code", "缺少政策包代码 (code is required)");
        if (pack.Version < 1) Error("version", $"版本号须为正整数，实为 {pack.Version} (version must be 1 or more)");
        if (string.IsNullOrWhiteSpace(pack.Name)) Error("name", "缺少名称 (name is required)");
        if (string.IsNullOrWhiteSpace(pack.Document.File)) Error("document.file", "缺少文件名 (document file is required)");
        if (pack.Document is { IssuedOn: { } issued, ValidUntil: { } until } && until < issued)
            Error("document.validUntil", "有效期截止日早于印发日期 (valid-until before issue date)");

        var codes = CheckJurisdictions(pack, Error);
        if (!codes.Contains(pack.Jurisdiction))
            Error("jurisdiction", $"“{pack.Jurisdiction}”不在本包的 jurisdictions 中 (not among the pack's jurisdictions)");

        CheckNames("ecosystems", pack.Ecosystems.Declared, pack.Ecosystems.Named, Error);
        CheckNames("chains", pack.Chains.Declared, pack.Chains.Named.Select(c => c.Name).ToList(), Error);
        for (var i = 0; i < pack.Chains.Named.Count; i++)
            if (pack.Chains.Named[i].Ecosystem is { } eco && !pack.Ecosystems.Named.Contains(eco))
                Error($"chains.named[{i}].ecosystem", $"生态圈“{eco}”未在 ecosystems 中列名 (unknown ecosystem)");
        if (pack.WorkingKit is { } kit)
        {
            if (string.IsNullOrWhiteSpace(kit.Name)) Error("workingKit.name", "缺少名称 (name is required)");
            if (kit.Items.Count > kit.Declared)
                Error("workingKit.items", $"列名 {kit.Items.Count} 项，多于声明的 {kit.Declared} 项 (more items named than declared)");
        }

        var unitKeys = CheckUnits(pack, codes, Error);
        if (pack.CoordinationOffice is { } office && !unitKeys.Contains(office))
            Error("coordinationOffice", $"单位“{office}”不在 units 中 (unknown unit key)");
        CheckTargets(pack, Error);
        return errors;
    }

    private static HashSet<string> CheckJurisdictions(PackDefinition pack, Action<string, string> error)
    {
        var codes = new HashSet<string>();
        var byCode = pack.Jurisdictions.GroupBy(j => j.Code).ToDictionary(g => g.Key, g => g.First());
        for (var i = 0; i < pack.Jurisdictions.Count; i++)
        {
            var j = pack.Jurisdictions[i];
            var field = $"jurisdictions[{i}]";
            if (!codes.Add(j.Code)) error($"{field}.code", $"代码“{j.Code}”重复 (duplicate code)");
            if (string.IsNullOrWhiteSpace(j.Name)) error($"{field}.name", "缺少名称 (name is required)");
            if (!Levels.Contains(j.Level)) { error($"{field}.level", $"级别“{j.Level}”无效，应为 province/city/county/park (unknown level)"); continue; }
            if (j.Level == "province")
            {
                var check = AdministrativeCode.Check(j.Code);
                if (!check.IsValid) error($"{field}.code", check.Error!);
                else if (check.Level != AdministrativeLevel.Province) error($"{field}.level", $"“{j.Code}”不是省级代码 (not a province-level code)");
                continue;
            }
            if (j.Parent is null || !byCode.ContainsKey(j.Parent))
            {
                error($"{field}.parent", $"上级“{j.Parent}”不在本包的 jurisdictions 中 (parent not in the pack)");
                continue;
            }
            var result = j.Level == "park" ? AdministrativeCode.CheckPark(j.Code, j.Parent) : AdministrativeCode.CheckParent(j.Code, j.Parent);
            if (!result.IsValid) error($"{field}.code", result.Error!);
            else if (j.Level != "park" && result.Level?.ToString().ToLowerInvariant() != j.Level)
                error($"{field}.level", $"代码“{j.Code}”是{result.Level}级，与级别“{j.Level}”不符 (level does not match the code)");
        }
        return codes;
    }

    private static void CheckNames(string field, int? declared, IReadOnlyList<string> named, Action<string, string> error)
    {
        if (declared is < 0) error($"{field}.declared", "声明数量不能为负 (negative count)");
        if (declared is { } d && named.Count > d)
            error($"{field}.named", $"列名 {named.Count} 个，多于声明的 {d} 个 (more named than declared)");
        foreach (var duplicate in named.GroupBy(n => n).Where(g => g.Count() > 1))
            error($"{field}.named", $"“{duplicate.Key}”重复 (duplicate name)");
    }

    private static HashSet<string> CheckUnits(PackDefinition pack, HashSet<string> codes, Action<string, string> error)
    {
        var keys = new HashSet<string>();
        for (var i = 0; i < pack.Units.Count; i++)
        {
            var u = pack.Units[i];
            var field = $"units[{i}]";
            if (!keys.Add(u.Key)) error($"{field}.key", $"单位标识“{u.Key}”重复 (duplicate key)");
            if (!u.Key.StartsWith(pack.Code + ".", StringComparison.Ordinal))
                error($"{field}.key", $"单位标识应以“{pack.Code}.”开头 (keys start with the pack code)");
            if (string.IsNullOrWhiteSpace(u.Name)) error($"{field}.name", "缺少名称 (name is required)");
            if (!codes.Contains(u.Jurisdiction)) error($"{field}.jurisdiction", $"辖区“{u.Jurisdiction}”不在本包的 jurisdictions 中 (unknown jurisdiction)");
            if (!UnitKinds.Contains(u.Kind)) error($"{field}.kind", $"类别“{u.Kind}”无效 (unknown kind)");
        }
        foreach (var duplicate in pack.Units.GroupBy(u => (u.Jurisdiction, u.Name)).Where(g => g.Count() > 1))
            error("units", $"单位“{duplicate.Key.Name}”在同一辖区出现两次 (duplicate unit name)");
        return keys;
    }

    private static void CheckTargets(PackDefinition pack, Action<string, string> error)
    {
        var keys = new HashSet<string>();
        var chains = pack.Chains.Named.Select(c => c.Name).ToHashSet();
        for (var i = 0; i < pack.Targets.Count; i++)
        {
            var t = pack.Targets[i];
            var field = $"targets[{i}]";
            if (!keys.Add(t.Key)) error($"{field}.key", $"目标标识“{t.Key}”重复 (duplicate key)");
            if (!t.Key.StartsWith(pack.Code + ".", StringComparison.Ordinal)) error($"{field}.key", $"目标标识应以“{pack.Code}.”开头 (keys start with the pack code)");
            if (string.IsNullOrWhiteSpace(t.Name)) error($"{field}.name", "缺少名称 (name is required)");
            if (string.IsNullOrWhiteSpace(t.Metric)) error($"{field}.metric", "缺少指标代码 (metric is required)");
            if (string.IsNullOrWhiteSpace(t.Unit)) error($"{field}.unit", "缺少计量单位 (unit of measure is required)");
            if (string.IsNullOrWhiteSpace(t.Source)) error($"{field}.source", "缺少原文出处 (source sentence is required)");
            if (!Comparisons.Contains(t.Comparison)) error($"{field}.comparison", $"比较符“{t.Comparison}”无效 (unknown comparison)");
            if (t.Value < 0) error($"{field}.value", $"目标值不能为负：{t.Value} (negative value)");
            if (t.Comparison == "between" && (t.ValueMax is null || t.ValueMax < t.Value))
                error($"{field}.valueMax", "区间目标须有不小于下限的上限 (between needs valueMax ≥ value)");
            if (t.Year is < 2000 or > 2100) error($"{field}.year", $"年份 {t.Year} 无效 (year out of range)");
            if (t.Yearly && t.Year is not null) error($"{field}.year", "逐年目标不设单一年份，用 fromYear (yearly targets use fromYear)");
            if (!Scopes.Contains(t.Scope)) error($"{field}.scope", $"范围“{t.Scope}”无效 (unknown scope)");
            if (t.Scope == "chain" && (t.ScopeRef is null || !chains.Contains(t.ScopeRef)))
                error($"{field}.scopeRef", $"产业链“{t.ScopeRef}”未在 chains 中列名 (unknown chain)");
        }
    }
}

/// <summary>Checks across packs: one code means one jurisdiction everywhere, one key one unit.</summary>
public static class PackSet
{
    public static IReadOnlyList<PackError> Validate(IReadOnlyList<PackDefinition> packs)
    {
        var errors = new List<PackError>();
        foreach (var group in packs.SelectMany(p => p.Jurisdictions.Select(j => (Pack: p.Code, J: j))).GroupBy(x => x.J.Code))
        {
            var variants = group.Select(x => (x.J.Name, x.J.Level, x.J.Parent)).Distinct().ToList();
            if (variants.Count > 1)
                errors.Add(new PackError(string.Join(",", group.Select(x => x.Pack).Distinct()), $"jurisdictions[{group.Key}]",
                    $"同一代码“{group.Key}”在各包中的名称/级别/上级不一致：{string.Join(" | ", variants.Select(v => $"{v.Name}/{v.Level}/{v.Parent}"))} (conflicting definitions)"));
        }
        foreach (var group in packs.GroupBy(p => p.Code).Where(g => g.Count() > 1))
            errors.Add(new PackError(group.Key, "code", "政策包代码重复 (duplicate pack code)"));
        foreach (var group in packs.SelectMany(p => p.Units.Select(u => (Pack: p.Code, u.Key))).GroupBy(x => x.Key).Where(g => g.Select(x => x.Pack).Distinct().Count() > 1))
            errors.Add(new PackError(string.Join(",", group.Select(x => x.Pack)), "units", $"单位标识“{group.Key}”被多个包使用 (unit key used by several packs)"));
        return errors;
    }
}
