using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Bpmn.Parsing;

namespace Workflows.Engine.Tests.Bpmn;

/// <summary>A legality review drawn in Camunda Modeler 5, as an admin would import it.</summary>
public sealed class CamundaModelerFileTests
{
    private static readonly BpmnDocument Document = BpmnParser.Parse(
        File.ReadAllText(BpmnXml.TestFile("Samples", "camunda-modeler-5-normative-document-review.bpmn")));

    [Fact]
    public void Parse_ImportsCamundaModelerFile_WithoutIssues()
    {
        BpmnXml.AssertNoIssues(Document);
        Assert.True(Document.CanPublish);
        Assert.Equal("NormativeDocumentReview", Document.MainProcess?.Id);
        Assert.Equal("规范性文件合法性审核", Document.MainProcess?.Name);
    }

    [Fact]
    public void Parse_MapsUserTaskAttributes_WhenCamundaModelerWroteThem()
    {
        var review = BpmnXml.Node<UserTask>(Document, "Activity_LegalReview");

        Assert.Equal("${legalReviewer}", review.Assignee);
        Assert.Equal(["legal", "legal-office:reviewer", "leader"], review.CandidateGroups);
        Assert.Null(review.Due);
        Assert.Equal("${reviewDueDate}", review.ExtensionAttributes["camunda:dueDate"]);
        Assert.Equal(["formData", "taskListener"], review.ExtensionElements.Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Parse_UnwrapsCamundaConditions_OnTheExclusiveGateway()
    {
        var gateway = BpmnXml.Node<ExclusiveGateway>(Document, "Gateway_Approved");

        Assert.Equal(
            [("Flow_Approved", "approved", "Activity_Countersign"), ("Flow_Rejected", "!approved", "Event_Returned")],
            gateway.Outgoing.Select(f => (f.Id, f.Condition, f.Target.Id)));
        Assert.Null(gateway.DefaultFlow);
        Assert.True(BpmnXml.Node<EndEvent>(Document, "Event_Returned").Terminate);
    }

    [Fact]
    public void Parse_AttachesTheNonInterruptingReminderTimer_ToTheReviewTask()
    {
        var review = BpmnXml.Node<UserTask>(Document, "Activity_LegalReview");
        var overdue = BpmnXml.Node<BoundaryEvent>(Document, "Event_ReviewOverdue");

        Assert.Equal([overdue], review.BoundaryEvents);
        Assert.Same(review, overdue.AttachedTo);
        Assert.False(overdue.Interrupting);
        Assert.Equal(new TimerEventDefinition("TimerEventDefinition_0d4wq1r", TimerKind.Duration, "P15D"), overdue.Trigger);
        var remind = Assert.IsType<ServiceTask>(Assert.Single(overdue.Outgoing).Target);
        Assert.Equal("external", remind.ActivityType);
        Assert.Equal("notify", remind.Extension("topic"));
    }

    [Fact]
    public void Parse_MapsTheCountersignature_AsParallelMultiInstanceUserTask()
    {
        var countersign = BpmnXml.Node<UserTask>(Document, "Activity_Countersign");

        Assert.Equal("${leader}", countersign.Assignee);
        var loop = countersign.MultiInstance!;
        Assert.False(loop.IsSequential);
        Assert.Equal("leaders", loop.Collection);
        Assert.Equal("leader", loop.ElementVariable);
        Assert.Equal("nrOfCompletedInstances >= nrOfInstances * 2 / 3", loop.CompletionCondition);
    }
}
