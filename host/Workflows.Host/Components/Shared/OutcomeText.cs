using Microsoft.Extensions.Localization;
using Workflows.Host.Resources;

namespace Workflows.Host.Components.Shared;

/// <summary>An outcome key (<c>approve</c>, <c>return</c>, <c>reject</c> …) in the page's language; unknown keys as they are.</summary>
public static class OutcomeText
{
    public static string Of(IStringLocalizer<UiText> text, string? outcome)
    {
        if (string.IsNullOrEmpty(outcome))
        {
            return text["Outcome.None"];
        }
        var label = text["Outcome." + outcome];
        return label.ResourceNotFound ? outcome : label;
    }
}
