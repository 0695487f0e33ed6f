using System.Diagnostics.CodeAnalysis;

namespace Workflows.Procedures.PublicConsultation;

/// <summary>
/// What became of an opinion (a public comment, an expert's written opinion): Decree 713 art. 18
/// and 21 ask the lead unit to record, for each, whether it was adopted and why (采纳情况和理由).
/// </summary>
public enum AdoptionDecision
{
    Adopted,
    Partly,
    NotAdopted,
}

/// <summary>The stable names the API and the database use, and the words people read.</summary>
public static class AdoptionDecisions
{
    public const string Adopted = "adopted";
    public const string Partly = "partly";
    public const string NotAdopted = "not-adopted";

    /// <summary>A reason is a sentence or a paragraph, not a report.</summary>
    public const int MaxReasonLength = 2000;

    public static string Name(AdoptionDecision decision) => decision switch
    {
        AdoptionDecision.Adopted => Adopted,
        AdoptionDecision.Partly => Partly,
        AdoptionDecision.NotAdopted => NotAdopted,
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    public static string ChineseName(AdoptionDecision decision) => decision switch
    {
        AdoptionDecision.Adopted => "采纳",
        AdoptionDecision.Partly => "部分采纳",
        AdoptionDecision.NotAdopted => "不予采纳",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    public static bool TryParse(string? text, [NotNullWhen(true)] out AdoptionDecision? decision)
    {
        decision = text?.Trim().ToLowerInvariant() switch
        {
            Adopted => AdoptionDecision.Adopted,
            Partly => AdoptionDecision.Partly,
            NotAdopted => AdoptionDecision.NotAdopted,
            _ => null,
        };
        return decision is not null;
    }

    public static AdoptionDecision Parse(string text) =>
        TryParse(text, out var decision) ? decision.Value : throw new FormatException($"'{text}' is not an adoption decision.");

    public static string Expected => $"{Adopted}（采纳）、{Partly}（部分采纳）或 {NotAdopted}（不予采纳）";
}
