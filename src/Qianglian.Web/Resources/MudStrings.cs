using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Qianglian.Web.Resources;

/// <summary>
/// MudBlazor's built-in texts (pager, loading, pickers, uploads) from our own resources, so they follow the UI
/// language like every other string: MudBlazor key K is looked up as "Mud.K" in Strings.resx / Strings.en.resx.
/// A key we do not list is reported as not found, and MudBlazor keeps its English default.
/// </summary>
public sealed class MudStrings(IStringLocalizer<Strings> strings) : MudLocalizer
{
    public override LocalizedString this[string key] => Ours(key, strings["Mud." + key]);

    public override LocalizedString this[string key, params object[] arguments] => Ours(key, strings["Mud." + key, arguments]);

    private static LocalizedString Ours(string key, LocalizedString text) =>
        text.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, text.Value);
}
