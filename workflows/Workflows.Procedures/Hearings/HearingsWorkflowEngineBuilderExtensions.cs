using Workflows.Engine;
using Workflows.Procedures.PublicConsultation;

namespace Workflows.Procedures.Hearings;

public static class HearingsWorkflowEngineBuilderExtensions
{
    /// <summary>Hearings (听证): the <c>hearing-record</c> guard, which reads the case documents.</summary>
    public static WorkflowEngineBuilder AddHearings(this WorkflowEngineBuilder builder) =>
        builder.EnsureDocuments().AddUserTaskGuard<HearingRecordGuard>();
}
