using Workflows.Procedures.AnnualReport;
using Workflows.Procedures.MajorDecisions;
using Workflows.Procedures.NormativeDocuments.Process;

namespace Workflows.Host.Instances;

/// <summary>
/// Procedures that their register starts: the register creates the record (the decision, the normative
/// document, the year's report) that the procedure's guards check at every step, so a case started by the
/// generic start would have no record and no step of it could ever close. The generic start refuses them
/// and points to the register's own start instead. An admin's test case from the designer is not refused.
/// </summary>
public static class RegisterStarts
{
    /// <param name="Api">The register's start, as the API's users call it.</param>
    /// <param name="Page">The register's start page, when it has one.</param>
    public sealed record RegisterStart(string Api, string? Page);

    private static readonly Dictionary<string, RegisterStart> ByKey = new(StringComparer.Ordinal)
    {
        [DecisionSteps.DefinitionKey] = new("POST /api/decisions", "/decisions/start"),
        [NormativeProcess.Key] = new("POST /api/normative-documents", "/registers/normative-documents/start"),
        [AnnualReportSteps.DefinitionKey] = new("POST /api/annual-reports", null),
    };

    public static RegisterStart? For(string definitionKey) => ByKey.GetValueOrDefault(definitionKey);
}
