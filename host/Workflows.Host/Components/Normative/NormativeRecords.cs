using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Workflows.Host.Components.Tasks;
using Workflows.Procedures.NormativeDocuments.Process;

namespace Workflows.Host.Components.Normative;

/// <summary>The task page's sections for the steps of <c>normative-document</c>, by the guard on each step.</summary>
public static class NormativeRecords
{
    public static readonly (string Guard, Type Form)[] Forms =
    [
        (NormativeDraftingRecord.GuardKey, typeof(NormativeDraftingRecord)),
        (NormativeCommentRecord.GuardKey, typeof(NormativeCommentRecord)),
        (FairCompetitionRecord.GuardKey, typeof(FairCompetitionRecord)),
        (NormativeLegalityRecord.GuardKey, typeof(NormativeLegalityRecord)),
        (RevisionRecord.GuardKey, typeof(RevisionRecord)),
        (DeliberationRecord.GuardKey, typeof(DeliberationRecord)),
        (RegistrationRecord.GuardKey, typeof(RegistrationRecord)),
        (NormativePublicationRecord.GuardKey, typeof(NormativePublicationRecord)),
        (NormativeFilingRecord.GuardKey, typeof(NormativeFilingRecord)),
    ];
}

/// <summary>
/// A normative-document step's section. Unlike the major-decision records (one JSON object per step), the
/// normative guards read flat variables, one per output (<c>assessmentNotes</c>, <c>legalityOpinion</c> ...),
/// and name them <c>variables.&lt;name&gt;</c>: so the record's properties go straight into the
/// completion's variables, and <see cref="StepRecordForm.ErrorFor"/> finds the guard's message by name.
/// </summary>
public abstract class NormativeStepForm : StepRecordForm
{
    public override string Variable => "variables";

    /// <summary>The document's register id, set when the register started the case.</summary>
    protected Guid? DocumentId =>
        Guid.TryParse((string?)(Setting(NormativeProcess.Settings.DocumentId) as JsonValue), out var id) ? id : null;

    /// <summary>A case variable: a setting fixed at start, or what an earlier step recorded.</summary>
    protected JsonNode? Setting(string name) => Detail?.Instance?.Variables[name];

    /// <summary>A text an earlier step recorded, or null.</summary>
    protected string? Recorded(string name) =>
        Setting(name) is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    public override bool Shows(string target) => false;

    public override void WriteTo(JsonObject variables)
    {
        foreach (var (name, value) in Record())
        {
            variables[name] = value?.DeepClone();
        }
    }

    /// <summary>A guard or register message for <paramref name="target"/> as the register commands name their fields.</summary>
    protected string? MessageFor(string target) => Errors.GetValueOrDefault(target);
}
