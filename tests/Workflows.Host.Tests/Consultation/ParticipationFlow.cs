using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Activities.Documents;
using Workflows.Engine.Runtime;
using Workflows.Host.Accounts;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Notifications;

namespace Workflows.Host.Tests.Consultation;

/// <summary>Procedures built from the participation blocks, and the steps a client takes through them.</summary>
public static class ParticipationFlow
{
    public const string ExpertPassword = "Expert@2026";

    /// <summary>
    /// Drafting, public comment (30 days by default, answered by the owner), a hearing, three experts
    /// chosen from the pool for the matter's fields, each giving a signed opinion, and the owner's adoption.
    /// </summary>
    public static string FullBpmn(string key) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fz="urn:fazhi:bpmn:1.0"
                          id="{{key}}-definitions" targetNamespace="urn:fazhi:tests">
          <bpmn:process id="{{key}}" name="重大行政决策公众参与（测试）" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="drafting" name="拟订方案" fz:candidateGroups="owner" />
            <bpmn:serviceTask id="open-consultation" name="公开征求意见" fz:type="consultation-open"
                              fz:title="关于《${title}》公开征求意见" fz:period="${commentPeriod}" fz:subject="decision:${businessKey}" />
            <bpmn:userTask id="public-participation" name="公众参与" fz:candidateGroups="owner"
                           fz:minimum="${commentPeriod}" fz:guard="consultation-feedback" />
            <bpmn:userTask id="hearing" name="听证" fz:candidateGroups="owner" fz:guard="hearing-record" />
            <bpmn:serviceTask id="select-experts" name="遴选论证专家" fz:type="expert-select"
                              fz:fields="${expertFields}" fz:count="3" fz:exclude="${interests}" />
            <bpmn:userTask id="expert-consultation" name="专家论证" fz:assignee="${expert}" fz:guard="expert-opinion">
              <bpmn:multiInstanceLoopCharacteristics fz:collection="experts" fz:elementVariable="expert" />
            </bpmn:userTask>
            <bpmn:userTask id="expert-adoption" name="专家意见采纳" fz:candidateGroups="owner" fz:guard="expert-adoption" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="drafting" />
            <bpmn:sequenceFlow id="f2" sourceRef="drafting" targetRef="open-consultation" />
            <bpmn:sequenceFlow id="f3" sourceRef="open-consultation" targetRef="public-participation" />
            <bpmn:sequenceFlow id="f4" sourceRef="public-participation" targetRef="hearing" />
            <bpmn:sequenceFlow id="f5" sourceRef="hearing" targetRef="select-experts" />
            <bpmn:sequenceFlow id="f6" sourceRef="select-experts" targetRef="expert-consultation" />
            <bpmn:sequenceFlow id="f7" sourceRef="expert-consultation" targetRef="expert-adoption" />
            <bpmn:sequenceFlow id="f8" sourceRef="expert-adoption" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Public comment alone: the draft is given at start (<c>draftDocumentId</c>, <c>explanation</c>).</summary>
    public static string ConsultationBpmn(string key, string period = "30D") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fz="urn:fazhi:bpmn:1.0"
                          id="{{key}}-definitions" targetNamespace="urn:fazhi:tests">
          <bpmn:process id="{{key}}" name="规范性文件公开征求意见（测试）" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="open-consultation" fz:type="consultation-open" fz:title="${title}" fz:period="{{period}}" />
            <bpmn:userTask id="public-participation" fz:candidateGroups="owner" fz:minimum="{{period}}" fz:guard="consultation-feedback" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="open-consultation" />
            <bpmn:sequenceFlow id="f2" sourceRef="open-consultation" targetRef="public-participation" />
            <bpmn:sequenceFlow id="f3" sourceRef="public-participation" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static async Task PublishAsync(HostFactory host, string xml)
    {
        using var admin = await host.ClientForAsync("admin");
        var response = await admin.PostAsync("/api/definitions?publish=true", new StringContent(xml, Encoding.UTF8, "application/xml"));
        // 200 when the same file was published before (another test of the class).
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Opens a public comment on a fresh draft (<see cref="ConsultationBpmn"/>) as the owner and waits
    /// until the public page shows it; returns the instance and the consultation.
    /// </summary>
    public static async Task<(Guid InstanceId, Guid ConsultationId)> OpenConsultationAsync(ParticipationHostFactory host, string title, string period = "30D")
    {
        var key = "consultation-" + period.ToLowerInvariant();
        await PublishAsync(host, ConsultationBpmn(key, period));
        var draft = await UploadAsync(host, null, "draft", "征求意见稿.pdf", Pdf(title));
        using var owner = await host.ClientForAsync("owner");
        var instanceId = await StartAsync(owner, key, "县司法〔2026〕" + Random.Shared.Next(100, 999) + "号", new
        {
            title,
            draftDocumentId = draft.Id,
            explanation = "起草说明：" + title,
        });
        var consultationId = ConsultationId(await InstanceAsync(owner, instanceId));
        using var visitor = host.PublicClient();
        await WaitForPublicPageAsync(visitor, consultationId);
        return (instanceId, consultationId);
    }

    public static async Task<Guid> StartAsync(HttpClient owner, string key, string businessKey, object variables)
    {
        var response = await owner.PostAsJsonAsync("/api/instances", new { definitionKey = key, businessKey, variables });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A small but real PDF header, so the document store's signature check accepts it.</summary>
    public static byte[] Pdf(string text) => Encoding.UTF8.GetBytes("%PDF-1.4\n% " + text + "\n%%EOF\n");

    /// <summary>Files a case document as <paramref name="userName"/> would through the documents module.</summary>
    public static async Task<StoredDocument> UploadAsync(HostFactory host, Guid? instanceId, string kind, string fileName, byte[] content, string userName = "owner")
    {
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DocumentStore>();
        return await store.AddAsync(new DocumentUpload(fileName, "application/pdf", new MemoryStream(content), kind, instanceId),
            new WorkflowActor(userName, new HashSet<string> { userName }), CancellationToken.None);
    }

    public static async Task<JsonElement> InstanceAsync(HttpClient client, Guid instanceId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");

    /// <summary>The id of the open task at <paramref name="activityId"/> that <paramref name="client"/> may act on.</summary>
    public static async Task<Guid> TaskAsync(HttpClient client, Guid instanceId, string activityId)
    {
        var tasks = await client.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={instanceId}&mine=true");
        return Assert.Single(tasks.EnumerateArray(), t => t.GetProperty("activityId").GetString() == activityId).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> CompleteAsync(HttpClient client, Guid taskId, object? body = null) =>
        client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", body ?? new { });

    public static async Task AdvanceToAsync(HostFactory host, DateTimeOffset to)
    {
        using var admin = await host.ClientForAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/clock/advance", new { to });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The public page once the outbox has stored the consultation the step opened.</summary>
    public static async Task<JsonElement> WaitForPublicPageAsync(HttpClient client, Guid consultationId)
    {
        JsonElement page = default;
        await NotifyFlow.WaitUntilAsync(async () =>
        {
            var response = await client.GetAsync($"/api/public/consultations/{consultationId}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }
            page = await response.Content.ReadFromJsonAsync<JsonElement>();
            return true;
        }, $"consultation {consultationId} on the public page");
        return page;
    }

    public static Task<HttpResponseMessage> CommentAsync(HttpClient client, Guid consultationId, object body) =>
        client.PostAsJsonAsync($"/api/public/consultations/{consultationId}/comments", body);

    public static Guid ConsultationId(JsonElement instance) =>
        Guid.Parse(instance.GetProperty("variables").GetProperty("consultationId").GetString()!);

    /// <summary>An account for an expert (role expert), signing in with <see cref="ExpertPassword"/>.</summary>
    public static async Task CreateExpertAccountAsync(HostFactory host, string userName, string displayName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            return;
        }
        var user = new WorkflowUser { UserName = userName, DisplayName = displayName, Email = $"{userName}@experts.example.cn", UnitCode = "legal-office" };
        var created = await users.CreateAsync(user, ExpertPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, Roles.Expert)).Succeeded);
    }

    /// <summary>Adds an expert to the pool through the API as the legal affairs office; returns the expert's id.</summary>
    public static async Task<Guid> AddExpertAsync(HttpClient legal, string name, string organisation, string[] fields, string? userName, string[]? conflicts = null, bool active = true)
    {
        var response = await legal.PostAsJsonAsync("/api/experts", new
        {
            name, fields, title = "高级工程师", organisation, email = $"{Guid.NewGuid():N}@experts.example.cn", userName, conflicts = conflicts ?? [], active,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>An expert files a signed opinion through the API (multipart form).</summary>
    public static async Task<HttpResponseMessage> SubmitOpinionAsync(HttpClient expert, Guid instanceId, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(instanceId.ToString()), "instanceId" },
            { new StringContent("书面论证意见（签名版）"), "title" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new("application/pdf");
        form.Add(file, "file", fileName);
        return await expert.PostAsync("/api/expert-opinions", form);
    }
}
