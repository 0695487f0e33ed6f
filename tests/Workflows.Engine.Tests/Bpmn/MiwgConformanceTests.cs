using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Bpmn.Parsing;

namespace Workflows.Engine.Tests.Bpmn;

/// <summary>
/// The 21 reference models of the OMG BPMN Model Interchange Working Group, as exported by
/// several modelers. Every one must import; the counts pin what the parser makes of each.
/// </summary>
public sealed class MiwgConformanceTests
{
    /// <summary>File, expected main process (null: several candidates), unsupported flow nodes in all processes.</summary>
    public static TheoryData<string, string?, int> Expectations => new()
    {
        { "A.1.0", "WFP-6-", 3 },
        { "A.2.0", "WFP-6-", 4 },
        { "A.2.1", "_To9ZoTOCEeSknpIVFCxNIQ", 4 },
        { "A.3.0", "WFP-6-", 4 },
        { "A.4.0", null, 6 },
        { "A.4.1", null, 6 },
        { "B.1.0", null, 4 },
        { "B.2.0", null, 30 },
        { "C.1.0", "bpmn-miwg-test-case-c.1.0", 5 },
        { "C.1.1", "handle-invoice", 0 },
        { "C.2.0", null, 12 },
        { "C.3.0", "_8170787a-3207-434d-9bea-4787059f444f", 0 },
        { "C.4.0", null, 4 },
        { "C.5.0", null, 1 },
        { "C.6.0", "_898aa942-9a96-4405-ae71-22b5e2e3d235", 3 },
        { "C.7.0", "_4a690dd7-809a-4fa9-ad63-515ac6685375", 1 },
        { "C.8.0", "VacationRequestProcess", 1 },
        { "C.8.1", "VacationRequestProcess", 1 },
        { "C.9.0", "customer_onboarding_en", 3 },
        { "C.9.1", "requestDocument_en", 0 },
        { "C.9.2", "ManualCheck", 3 },
    };

    [Fact]
    public void Expectations_CoverEveryConformanceFile()
    {
        var files = Directory.GetFiles(BpmnXml.TestFile("Conformance"), "*.bpmn").Select(Path.GetFileNameWithoutExtension).Order();

        Assert.Equal(Expectations.Select(row => (string)row[0]).Order(), files);
        Assert.Equal(21, files.Count());
    }

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Parse_ImportsConformanceFile_WithExpectedMainProcessAndUnsupportedElements(string file, string? mainProcess, int unsupported)
    {
        var document = Load(file);

        Assert.Equal(mainProcess, document.MainProcess?.Id);
        var unsupportedNodes = document.Processes.SelectMany(p => p.NodesById.Values).OfType<UnsupportedNode>().ToList();
        Assert.Equal(unsupported, unsupportedNodes.Count);
        Assert.All(unsupportedNodes, node => Assert.Contains(document.Issues, i => i.ElementId == node.Id && i.Severity == IssueSeverity.Error));
        if (mainProcess is null)
        {
            var candidates = document.Processes.Where(p => p.Children.Count > 0).Select(p => p.Id).ToList();
            Assert.True(candidates.Count > 1);
            Assert.All(candidates, id => Assert.Contains(document.Issues, i =>
                i.ElementId == id && i.Message.Contains("mark exactly one process isExecutable=\"true\"", StringComparison.Ordinal)));
        }
        Assert.All(document.Processes.SelectMany(p => p.NodesById.Values), node => Assert.NotNull(node.Scope));
        Assert.All(document.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
    }

    [Fact]
    public void Parse_ReportsExactlyTheThreeAbstractTasks_WhenFileIsA10()
    {
        var document = Load("A.1.0");

        Assert.Equal(
            ["_ec59e164-68b4-4f94-98de-ffb1c58a84af", "_820c21c0-45f3-473b-813f-06381cc637cd", "_e70a6fcb-913c-4a7b-a65d-e83adc73d69c"],
            document.Issues.Select(i => i.ElementId));
        Assert.All(document.Issues, i => Assert.Equal("task", i.ElementType));
        var process = document.MainProcess!;
        Assert.Equal(["Task 1"], process.NoneStartEvent!.Outgoing.Select(f => f.Target.Name));
        Assert.Equal(4, process.FlowsById.Values.Count(f => f.Source is not null && f.Target is not null));
    }

    [Fact]
    public void Parse_ReportsTheUnsupportedConstructs_WhenFileIsB20()
    {
        var document = Load("B.2.0");
        var nodes = document.Processes.SelectMany(p => p.NodesById.Values).ToDictionary(n => n.Id);
        var errorIds = document.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.ElementId).ToHashSet();

        Assert.Equal("inclusiveGateway", Assert.IsType<UnsupportedNode>(nodes["_dec393e7-f182-4d31-b05f-e33ac3a5e35f"]).ElementType);
        Assert.Equal("inclusiveGateway", Assert.IsType<UnsupportedNode>(nodes["_10ecbff1-cd15-4a5c-9aa5-6f2a35479416"]).ElementType);
        Assert.Equal("eventBasedGateway", Assert.IsType<UnsupportedNode>(nodes["_be29f267-9d56-46ef-8bbc-e13513b25fce"]).ElementType);
        Assert.Equal(5, nodes.Values.OfType<UnsupportedNode>().Count(n => n.ElementType == "intermediateThrowEvent"));
        Assert.Equal(22, nodes.Values.OfType<UnsupportedNode>().Count(n => n.ElementType == "task"));
        Assert.Subset(errorIds, new HashSet<string>
        {
            "_b9343536-6490-4559-8365-71d5c4cbb7cb", // user task with standardLoopCharacteristics
            "_4f5e6e50-d9d0-4f97-959a-d1b8e1e32788", // link catch event
            "_25beeb17-acc3-4cca-9590-f1cd2f353434", // signal start event
            "_e369fd30-1a71-4d0e-b4d7-2174dd5ba388", // non-interrupting message boundary event
            "_3c56e6dc-bc87-4d98-b499-462c5b741c5a", // error boundary event
        });
        var sequential = Assert.IsType<UserTask>(nodes["_c57a5344-213f-4834-a6c3-94ce878b413c"]);
        Assert.True(sequential.MultiInstance!.IsSequential);
        var timer = Assert.IsType<BoundaryEvent>(nodes["_5a6baa94-303a-4750-bde2-e1cd6edace37"]);
        Assert.False(timer.Interrupting);
        Assert.Equal("_7e6ccf38-e740-4537-a439-a8e984d066de", timer.AttachedTo.Id);
        Assert.Contains(timer, timer.AttachedTo.BoundaryEvents);
    }

    [Fact]
    public void Parse_RunsTheCamundaProcessAndReportsThePartnerPool_WhenFileIsC10()
    {
        var document = Load("C.1.0");
        var main = document.MainProcess!;
        var partner = document.Processes.Single(p => p.Id == "sid-5FBB6CB3-8A7C-42B5-9024-15BB2684EC57");

        Assert.Equal(
            ["sid-05039C4F-59F7-4CBD-8C84-D35E27C7B5EF", "sid-CFAC8502-0E69-4F08-BE36-8499B8C0FA44", "sid-64AFCE49-96A2-4A51-96CB-9DF689C37DAD",
             "sid-F0D29912-929D-491C-8D23-73BD80CF980A", "sid-6FC20E19-AF3A-4A77-8588-2D671C98D93D"],
            partner.Children.OfType<UnsupportedNode>().Select(n => n.Id));
        Assert.DoesNotContain(document.Issues, i => main.NodesById.ContainsKey(i.ElementId) || main.FlowsById.ContainsKey(i.ElementId));
        Assert.Equal("${approver}", BpmnXml.Node<UserTask>(document, "approveInvoice").Assignee);
        Assert.Equal(["accounting"], BpmnXml.Node<UserTask>(document, "prepareBankTransfer").CandidateGroups);
        Assert.Equal("approved", main.FlowsById["invoiceApproved"].Condition);
        Assert.Equal("!approved", main.FlowsById["invoiceNotApproved"].Condition);
        Assert.Equal("clarified == 'yes'", main.FlowsById["reviewSuccessful"].Condition);
        var start = Assert.IsType<MessageEventDefinition>(BpmnXml.Node<StartEvent>(document, "StartEvent_1").Trigger);
        Assert.Equal("invoice-received-C.1.0", start.MessageName);
    }

    [Fact]
    public void Parse_MapsReceiveTaskAndBothTimerBoundaries_WhenFileIsC91()
    {
        var document = Load("C.9.1");

        BpmnXml.AssertNoIssues(document);
        Assert.True(document.CanPublish);
        Assert.Equal("MESSAGE_documentReceived", BpmnXml.Node<ReceiveTask>(document, "ReceiveTask_WaitForDocument").Message?.MessageName);
        var daily = BpmnXml.Node<BoundaryEvent>(document, "BoundaryEvent_1");
        Assert.False(daily.Interrupting);
        Assert.Equal(new TimerEventDefinition("_TimerEventDefinition_2", TimerKind.Cycle, "R6/P1D"), daily.Trigger);
        var week = BpmnXml.Node<BoundaryEvent>(document, "BoundaryEvent_2");
        Assert.True(week.Interrupting);
        Assert.Equal(new TimerEventDefinition("_TimerEventDefinition_3", TimerKind.Duration, "P7D"), week.Trigger);
        Assert.Equal("sendTask", BpmnXml.Node<ServiceTask>(document, "SendTask_RequestDocument").ElementType);
    }

    [Fact]
    public void Parse_ReportsTheEventSubProcessesAndErrorEnd_WhenFileIsC92()
    {
        var document = Load("C.9.2");

        Assert.Equal(
            ["Activity_0uvp3cb", "Activity_1esx1s7", "Activity_02a6b2h", "ErrorEndEvent_Timeout"],
            document.Issues.Select(i => i.ElementId));
        Assert.Equal("P7D", Assert.IsType<TimerEventDefinition>(BpmnXml.Node<BoundaryEvent>(document, "TimerEvent_Timeout").Trigger).Expression);
        // Zeebe's assignment is an extension element, not an attribute: kept raw, not interpreted.
        var task = BpmnXml.Node<UserTask>(document, "UserTask_DecideOnApplication");
        Assert.Empty(task.CandidateGroups);
        Assert.Contains(task.ExtensionElements, e => e.Name.LocalName == "assignmentDefinition" && e.Attribute("candidateGroups")?.Value == "clerks");
    }

    [Fact]
    public void Parse_ReadsPotentialOwnerExpression_WhenFileIsC81()
    {
        var document = Load("C.8.1");

        Assert.Equal(["manager"], BpmnXml.Node<UserTask>(document, "_79523269-7444-4b01-90e9-e23957a9d020").CandidateGroups);
    }

    [Fact]
    public void Parse_IgnoresVendorIdsInExtensionElements_WhenFileIsC80()
    {
        var document = Load("C.8.0");

        Assert.DoesNotContain(document.Issues, i => i.Message.Contains("used by more than one element", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MapsTheFridgeRepairTimer_WhenFileIsC30()
    {
        var document = Load("C.3.0");

        var timer = BpmnXml.Node<BoundaryEvent>(document, "Bpmn_BoundaryEvent_sS9gABqGEeWDuOtG0oS24A");
        Assert.Equal("PT2H", Assert.IsType<TimerEventDefinition>(timer.Trigger).Expression);
        Assert.Equal("_6a34496f-8cf7-42e5-88a9-d1af98cc3cba", timer.AttachedTo.Id);
        var start = Assert.IsType<MessageEventDefinition>(document.MainProcess!.StartEvents.Single().Trigger);
        Assert.Equal("Service Level", start.MessageName);
    }

    private static BpmnDocument Load(string name) =>
        BpmnParser.Parse(File.ReadAllText(BpmnXml.TestFile("Conformance", name + ".bpmn")));
}
