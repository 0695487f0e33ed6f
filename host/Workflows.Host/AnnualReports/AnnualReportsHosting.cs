using Workflows.Engine;
using Workflows.Procedures.AnnualReport;

namespace Workflows.Host.AnnualReports;

public static class AnnualReportsHosting
{
    /// <summary>The annual report; after the duties, major decisions and normative documents, whose records it counts.</summary>
    public static WorkflowEngineBuilder AddAnnualReportsHosting(this WorkflowEngineBuilder engine) => engine.AddAnnualReport();
}
