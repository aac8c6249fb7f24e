namespace Qianglian.Web.Resources;

/// <summary>Marker for the UI strings: Strings.resx holds Chinese (the default), Strings.en.resx English.</summary>
public sealed class Strings;
