using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workflows.Activities.Documents;
using Workflows.Browser.Tests.Infrastructure;
using Workflows.Engine.Runtime;
using Workflows.Procedures.PublicConsultation;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests;

/// <summary>
/// Public participation without signing in: the list of open consultations, a consultation's page
/// with its draft and explanation, the comment form (checked in the page, then by the server, whose
/// markup refusal and rate limit come back as polite messages), the owner reading the comment, and
/// after closing the published feedback. The host allows three comments per address per window.
/// </summary>
public sealed class PublicParticipationTests(PublicParticipationTests.ConsultationHost host)
    : IClassFixture<PublicParticipationTests.ConsultationHost>, IAsyncLifetime
{
    public Task InitializeAsync() => host.PublishAsync("browser-consultation.bpmn");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Public_SubmitsACommentWithoutSigningIn_AndTheOwnerSeesIt()
    {
        var (instanceId, consultationId) = await host.OpenConsultationAsync("县城区停车收费管理办法", "为规范城区停车秩序，拟对城区道路停车实行分时段收费。");

        var page = await host.NewPageAsync();
        await page.OpenAsync("/public/consultations");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "公开征求意见", Exact = true })).ToBeVisibleAsync();
        Assert.Contains("WenQuanYi Micro Hei", await RenderedFonts.OfAsync(page, "h1"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "登录" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("30-public-consultations");
        await page.GetByRole(AriaRole.Link, new() { Name = "关于《县城区停车收费管理办法》公开征求意见" }).ClickAsync();

        await page.WaitForURLAsync(new Regex($"/public/consultations/{consultationId}$"));
        await page.WaitForCircuitAsync();
        await Expect(page.GetByTestId("consultation-status")).ToHaveAttributeAsync("data-status", "open");
        await Expect(page.GetByTestId("consultation-explanation")).ToHaveTextAsync("为规范城区停车秩序，拟对城区道路停车实行分时段收费。");
        await Expect(page.GetByTestId("consultation-period")).ToContainTextAsync(new Regex(@"征求意见期限：\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("draft-download").ClickAsync());
        Assert.Equal("征求意见稿.pdf", download.SuggestedFilename);

        // The page checks first, in Chinese, beside the field.
        await page.GetByTestId("comment-submit").ClickAsync();
        await Expect(page.GetByText("请填写「意见内容」。")).ToBeVisibleAsync();

        // Markup is refused by the server (a comment is a record, kept exactly as sent), politely.
        await page.GetByLabel("意见内容").FillAsync("建议<script>alert(1)</script>取消夜间收费。");
        await page.GetByTestId("comment-submit").ClickAsync();
        await Expect(page.GetByTestId("comment-message")).ToHaveTextAsync("意见未能提交，请按提示修改后再试。");
        await Expect(page.Locator("#comment .mud-input-helper-text.mud-input-error")).ToContainTextAsync("不接受 HTML 或其他标记");

        // By keyboard alone: name, Tab, contact, Tab, comment, Tab to the button, Enter.
        await page.GetByLabel("姓名或单位名称").FocusAsync();
        await page.Keyboard.TypeAsync("王女士");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("comment-contact", await ActiveIdAsync(page));
        await page.Keyboard.TypeAsync("13900001111");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("comment-content", await ActiveIdAsync(page));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("建议夜间（22时至次日7时）停车免费，方便周边居民。");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("comment-submit", await page.EvaluateAsync<string>("() => document.activeElement.dataset.testid"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("comment-receipt")).ToContainTextAsync("您的意见已收到（第1条）");
        await page.ScreenshotAsync("31-public-consultation-commented");

        // A third comment is still accepted; the fourth in the window meets the rate limit, told politely.
        await page.GetByLabel("意见内容").FillAsync("建议公布收费标准的测算依据。");
        await page.GetByTestId("comment-submit").ClickAsync();
        await Expect(page.GetByTestId("comment-receipt")).ToContainTextAsync("第2条");
        await page.GetByLabel("意见内容").FillAsync("再补充一条意见。");
        await page.GetByTestId("comment-submit").ClickAsync();
        await Expect(page.GetByTestId("comment-message")).ToContainTextAsync("您提交得太频繁了");
        await page.ScreenshotAsync("32-public-comment-rate-limited");

        var owner = await host.NewPageAsync();
        await owner.SignInAsync("owner");
        await owner.OpenAsync($"/instances/{instanceId}");
        await owner.GetByTestId("case-consultations").GetByRole(AriaRole.Link).ClickAsync();
        await owner.WaitForURLAsync(new Regex($"/consultations/{consultationId}$"));
        var comments = owner.GetByTestId("consultation-comments");
        await Expect(comments.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(comments.Locator("tbody tr").First).ToContainTextAsync("王女士");
        await Expect(comments.Locator("tbody tr").First).ToContainTextAsync("13900001111");
        await Expect(comments.Locator("tbody tr").First).ToContainTextAsync("建议夜间（22时至次日7时）停车免费");
        await owner.ScreenshotAsync("33-owner-consultation-comments");

        // Someone who is not the case's owner is told it is not there.
        var reviewer = await host.NewPageAsync();
        await reviewer.SignInAsync("reviewer");
        await reviewer.OpenAsync($"/consultations/{consultationId}");
        await Expect(reviewer.GetByText("找不到该征求意见事项，或您无权查看其意见。")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ClosedConsultation_ShowsThePublishedFeedback_AndNoForm()
    {
        var (_, consultationId) = await host.OpenConsultationAsync("城关镇农贸市场管理规定", "拟规范农贸市场摊位管理。");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CommentIntake>().SubmitAsync(
                consultationId, new CommentSubmission("赵先生", "zhao@example.cn", "建议保留早市。"), "203.0.113.9", CancellationToken.None);
        }
        await host.AdvanceClockToAsync(new DateTimeOffset(2026, 4, 10, 9, 0, 0, TimeSpan.FromHours(8)));

        using var owner = await host.ApiClientAsync("owner");
        var comments = await owner.GetFromJsonAsync<JsonArray>($"/api/consultations/{consultationId}/comments");
        var adopted = await owner.PutAsJsonAsync($"/api/consultations/{consultationId}/comments/{comments![0]!["id"]}/adoption",
            new { decision = "adopted", reason = "早市保留，时间为5时至8时。" });
        Assert.True(adopted.IsSuccessStatusCode, await adopted.Content.ReadAsStringAsync());
        var feedback = await owner.PostAsJsonAsync($"/api/consultations/{consultationId}/feedback",
            new { summary = "共收到意见1条，采纳1条：保留早市。" });
        Assert.True(feedback.IsSuccessStatusCode, await feedback.Content.ReadAsStringAsync());

        var page = await host.NewPageAsync();
        await page.OpenAsync($"/public/consultations/{consultationId}");
        await Expect(page.GetByTestId("consultation-status")).ToHaveAttributeAsync("data-status", "closed");
        await Expect(page.GetByTestId("consultation-feedback")).ToContainTextAsync("共收到意见1条，采纳1条：保留早市。");
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("早市保留，时间为5时至8时。");
        await Expect(page.GetByTestId("comment-form")).ToHaveCountAsync(0);
        await Expect(page.GetByText("赵先生")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("34-public-consultation-feedback");
    }

    [Fact]
    public async Task UnknownConsultation_GetsAPoliteNotice()
    {
        var page = await host.NewPageAsync();
        await page.OpenAsync($"/public/consultations/{Guid.NewGuid()}");
        await Expect(page.GetByText("找不到该征求意见事项，可能编号有误或已撤下。")).ToBeVisibleAsync();
        await page.OpenAsync("/public/consultations/not-an-id");
        await Expect(page.GetByText("找不到该征求意见事项，可能编号有误或已撤下。")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PublicPages_SpeakEnglishOnRequest()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/account/culture?culture=en&returnUrl=%2Fpublic%2Fconsultations");
        await page.WaitForCircuitAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open for public comment", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    private static Task<string> ActiveIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.id");

    /// <summary>The host on the simulated clock with a small comment allowance, so a flood is reached in a few clicks.</summary>
    public sealed class ConsultationHost : BrowserHost
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [
            new("Workflows:Clock:Mode", "Simulated"),
            new("Workflows:Clock:Start", SimulatedClockBrowserHost.Start.ToString("O")),
            new("Workflows:PublicConsultation:RateLimit:CommentsPerWindow", "3"),
        ];

        public async Task AdvanceClockToAsync(DateTimeOffset to)
        {
            using var client = await ApiClientAsync("admin");
            (await client.PostAsJsonAsync("/api/clock/advance", new { to })).EnsureSuccessStatusCode();
        }

        /// <summary>Starts the consultation procedure as the owner with a draft, and waits until the consultation is stored.</summary>
        public async Task<(Guid InstanceId, Guid ConsultationId)> OpenConsultationAsync(string title, string explanation)
        {
            StoredDocument draft;
            await using (var scope = Services.CreateAsyncScope())
            {
                draft = await scope.ServiceProvider.GetRequiredService<DocumentStore>().AddAsync(
                    new DocumentUpload("征求意见稿.pdf", "application/pdf", new MemoryStream("%PDF-1.4\n% 征求意见稿\n"u8.ToArray()), "draft", null),
                    Actor("owner", "owner"), CancellationToken.None);
            }
            var instance = await Services.GetRequiredService<IWorkflowRuntime>().StartAsync(
                new StartInstance("browser-consultation", null, new JsonObject
                {
                    ["title"] = title,
                    ["draftDocumentId"] = draft.Id.ToString(),
                    ["explanation"] = explanation,
                }),
                Actor("owner", "owner"));
            var book = Services.GetRequiredService<ConsultationBook>();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline)
            {
                if ((await book.ListForInstanceAsync(instance.Id, CancellationToken.None)).FirstOrDefault() is { } consultation)
                {
                    return (instance.Id, consultation.Id);
                }
                // The consultation is stored by the step's outbox message, a moment after the step commits.
                await Task.Delay(100);
            }
            throw new TimeoutException($"The consultation of instance {instance.Id} was not stored within 20 s.");
        }
    }
}
