using System.Globalization;
using System.Reflection;
using System.Resources;

namespace Workflows.Engine.Bpmn;

/// <summary>
/// Messages for the person who draws or adapts a procedure, in that person's language: each module keeps its
/// format strings in a .resx, English in the neutral file (what the REST API answers) and Simplified Chinese in
/// the <c>zh-Hans</c> one (what the designer, zh-CN by default, shows). The current UI culture decides.
/// </summary>
public sealed class MessageCatalog(string baseName, Assembly assembly)
{
    private readonly ResourceManager _resources = new(baseName, assembly);

    /// <summary>The message <paramref name="name"/> in the current UI culture, formatted with <paramref name="args"/>.</summary>
    public string Format(string name, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Find(name) ?? throw new MissingManifestResourceException($"No message '{name}' in {baseName}."), args);

    /// <summary>The text <paramref name="name"/> in the current UI culture, or null when neither it nor the neutral resources have one.</summary>
    public string? Find(string name) => _resources.GetString(name, CultureInfo.CurrentUICulture);

    /// <summary>
    /// The messages that <paramref name="culture"/> lacks or merely copies from the neutral (English) ones:
    /// empty when every message is translated.
    /// </summary>
    public IReadOnlyList<string> Untranslated(CultureInfo culture)
    {
        var neutral = Entries(CultureInfo.InvariantCulture);
        var translated = Entries(culture);
        return [.. neutral.Where(e => !translated.TryGetValue(e.Key, out var text) || text == e.Value).Select(e => e.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>How many messages the neutral resources hold.</summary>
    public int Count => Entries(CultureInfo.InvariantCulture).Count;

    private Dictionary<string, string> Entries(CultureInfo culture) =>
        (_resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false) ?? throw new MissingManifestResourceException($"No {culture.Name} resources for {baseName}."))
            .Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
}
