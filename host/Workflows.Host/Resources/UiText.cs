namespace Workflows.Host.Resources;

/// <summary>
/// The web pages' text: <c>UiText.resx</c> is Chinese (the neutral language), <c>UiText.en.resx</c>
/// English. Components inject <c>IStringLocalizer&lt;UiText&gt;</c> as <c>T</c>.
/// </summary>
public sealed class UiText;
