using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
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

    /// <summary>The completion variable the record goes into.</summary>
    public abstract string Variable { get; }

    public abstract JsonObject Record();

    /// <summary>Whether a field of the form shows the message for <paramref name="target"/>; the others are listed above the buttons.</summary>
    public abstract bool Shows(string target);

    protected string? ErrorFor(string path) => Errors.GetValueOrDefault($"{Variable}.{path}");
}

/// <summary>Which record form a step gets, by the guard on it (fz:guard), so a copied procedure keeps its form.</summary>
public static class StepRecordForms
{
    public static Type? For(TaskDetail detail) =>
        detail.Guards.Contains(StartDecisionRecord.GuardKey) ? typeof(StartDecisionRecord) : null;
}
