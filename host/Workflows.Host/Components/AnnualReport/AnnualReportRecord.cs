using Workflows.Host.Components.Tasks;

namespace Workflows.Host.Components.AnnualReport;

/// <summary>
/// A step of <c>annual-report.bpmn</c>. Its guards name their fields <c>variables.&lt;variable&gt;.&lt;path&gt;</c>
/// (the API's own targets), so the messages are looked up under that prefix.
/// </summary>
public abstract class AnnualReportRecord : StepRecordForm
{
    /// <summary>The guard's message for a field of the record, or for the record itself when <paramref name="path"/> is null.</summary>
    protected string? GuardError(string? path = null) =>
        Errors.GetValueOrDefault(path is null ? $"variables.{Variable}" : $"variables.{Variable}.{path}");

    public override bool Shows(string target) =>
        target == $"variables.{Variable}" || target.StartsWith($"variables.{Variable}.", StringComparison.Ordinal);
}
