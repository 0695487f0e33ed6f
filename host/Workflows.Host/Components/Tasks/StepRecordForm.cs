using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Workflows.Activities.Documents;
using Workflows.Host.Components.AnnualReport;
using Workflows.Host.Components.Decisions;

namespace Workflows.Host.Components.Tasks;

/// <summary>
/// Fields for a step whose guard wants a structured record (a JSON object in one variable) rather than
/// the flat values fz:form describes. A person fills the fields; the form turns them into the record
/// the guard checks, and the guard's messages (targets <c>&lt;variable&gt;.&lt;path&gt;</c>) come back beside them.
/// </summary>
public abstract class StepRecordForm : ComponentBase
{
    /// <summary>The guard's messages for this record, by target.</summary>
    [Parameter, EditorRequired] public IReadOnlyDictionary<string, string> Errors { get; set; } = default!;

    /// <summary>The case's documents, so a record can name the one it rests on (uploaded on the same page).</summary>
    [Parameter] public IReadOnlyList<StoredDocument> Documents { get; set; } = [];

    /// <summary>The step and its case, for a record that shows the case's state beside its fields (a consultation, the experts' opinions, the generated annual report draft, what earlier steps recorded).</summary>
    [Parameter] public TaskDetail? Detail { get; set; }

    /// <summary>The completion variable the record goes into.</summary>
    public abstract string Variable { get; }

    public abstract JsonObject Record();

    /// <summary>Puts the record into the completion's variables; a step whose record other modules read beside it adds those too.</summary>
    public virtual void WriteTo(JsonObject variables) => variables[Variable] = Record();

    /// <summary>Whether a field of the form shows the message for <paramref name="target"/>; the others are listed above the buttons.</summary>
    public abstract bool Shows(string target);

    /// <summary>The message for a field, or for an item of a list field (<c>legalBasis[1]</c>).</summary>
    protected string? ErrorFor(string path) =>
        Errors.GetValueOrDefault($"{Variable}.{path}")
        ?? Errors.FirstOrDefault(e => e.Key.StartsWith($"{Variable}.{path}[", StringComparison.Ordinal)).Value;

    /// <summary>Whether the guard's target is one of <paramref name="paths"/> of this record, or an item of one.</summary>
    protected bool ShowsAny(string target, IEnumerable<string> paths) =>
        paths.Any(p => target == $"{Variable}.{p}" || target.StartsWith($"{Variable}.{p}[", StringComparison.Ordinal));

    /// <summary>One item a line, or separated by the Chinese enumeration comma as people write lists.</summary>
    protected static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split(['\n', '、', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>One item a line, as the JSON list the record holds (a legal basis may itself contain commas).</summary>
    protected static JsonArray Items(string? text) =>
        new([.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => (JsonNode)i)]);

    /// <summary>Optional text: trimmed, or left out of the record when empty.</summary>
    protected static void SetOptional(JsonObject record, string name, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            record[name] = text.Trim();
        }
    }
}

/// <summary>
/// A record form for a step its own module closes: the normative-document register numbers, publishes and
/// files the document and completes the step in the same command, so the page calls that instead of
/// completing the task; the opinion field is left out because the register writes the step's comment.
/// </summary>
public interface IClosingStepRecord
{
    /// <returns>What to tell the person, e.g. the number the register gave.</returns>
    Task<string> CloseStepAsync(Workflows.Engine.Runtime.WorkflowActor actor, CancellationToken cancellationToken);
}

/// <summary>Which record form a step gets, by the guard on it (fz:guard), so a copied procedure keeps its form.</summary>
public static class StepRecordForms
{
    private static readonly (string Guard, Type Form)[] Forms =
    [
        (StartDecisionRecord.GuardKey, typeof(StartDecisionRecord)),
        (DraftingRecord.GuardKey, typeof(DraftingRecord)),
        (RiskAssessmentRecord.GuardKey, typeof(RiskAssessmentRecord)),
        (LegalitySubmissionRecord.GuardKey, typeof(LegalitySubmissionRecord)),
        (LegalityOpinionRecord.GuardKey, typeof(LegalityOpinionRecord)),
        (MeetingMaterialsRecord.GuardKey, typeof(MeetingMaterialsRecord)),
        (CollectiveDecisionRecord.GuardKey, typeof(CollectiveDecisionRecord)),
        (UnlawfulDispositionRecord.GuardKey, typeof(UnlawfulDispositionRecord)),
        (PartyReportRecord.GuardKey, typeof(PartyReportRecord)),
        (PublicationRecord.GuardKey, typeof(PublicationRecord)),
        (PublicParticipationRecord.GuardKey, typeof(PublicParticipationRecord)),
        (HearingRecord.GuardKey, typeof(HearingRecord)),
        (ExpertOpinionRecord.GuardKey, typeof(ExpertOpinionRecord)),
        (ExpertAdoptionRecord.GuardKey, typeof(ExpertAdoptionRecord)),
        (ExecutionReportRecord.GuardKey, typeof(ExecutionReportRecord)),
        (PostEvaluationRecord.GuardKey, typeof(PostEvaluationRecord)),
        (ArchiveRecord.GuardKey, typeof(ArchiveRecord)),
        (AnnualReportDraftingRecord.GuardKey, typeof(AnnualReportDraftingRecord)),
        (AnnualReportReviewRecord.GuardKey, typeof(AnnualReportReviewRecord)),
        (AnnualReportApprovalRecord.GuardKey, typeof(AnnualReportApprovalRecord)),
        (AnnualReportSubmissionRecord.GuardKey, typeof(AnnualReportSubmissionRecord)),
        (AnnualReportPublicationRecord.GuardKey, typeof(AnnualReportPublicationRecord)),
        .. Normative.NormativeRecords.Forms,
    ];

    /// <summary>Document kinds a step's record must rest on, beyond the ordinary ones the case's upload offers.</summary>
    private static readonly Dictionary<string, string> DocumentKinds = new(StringComparer.Ordinal)
    {
        [LegalityOpinionRecord.GuardKey] = LegalityOpinionRecord.DocumentKind,
        [HearingRecord.GuardKey] = HearingRecord.DocumentKind,
        [ExpertOpinionRecord.GuardKey] = ExpertOpinionRecord.DocumentKind,
        [PostEvaluationRecord.GuardKey] = PostEvaluationRecord.DocumentKind,
        [AnnualReportDraftingRecord.GuardKey] = Workflows.Procedures.AnnualReport.AnnualReportSteps.DraftKind,
    };

    /// <summary>The form of the step's first guard that has one (a step may carry a procedure's guard and a shared one, e.g. consultation-feedback).</summary>
    public static Type? For(TaskDetail detail) =>
        detail.Guards.Select(g => Forms.FirstOrDefault(f => f.Guard == g).Form).FirstOrDefault(form => form is not null);

    /// <summary>The document kind the step's guard asks for that the case's upload should also offer, if any.</summary>
    public static string? DocumentKindFor(TaskDetail detail) =>
        detail.Guards.Select(g => DocumentKinds.GetValueOrDefault(g)).FirstOrDefault(k => k is not null);

    /// <summary>Whether the step's record form closes the step itself (<see cref="IClosingStepRecord"/>).</summary>
    public static bool ClosesStep(TaskDetail detail) => For(detail)?.IsAssignableTo(typeof(IClosingStepRecord)) == true;
}
