using System.Net;
using System.Net.Http.Json;
using System.Text;
using Workflows.Host.Tests.Notifications;
using Xunit.Abstractions;

namespace Workflows.Host.Tests.Durability;

/// <summary>
/// Issue 3: duplicate-free delivery when the host is killed while the outbox is being sent. The real
/// host runs as a child process against a real SMTP server (aiosmtpd) that keeps each message and
/// answers 250 only a moment later, so a kill lands in the worst window: delivered, not yet known to
/// be. The host is killed twice mid-sending and started again; afterwards every person has exactly
/// one message per notification (one Message-Id), and any copy the SMTP server saw twice is the
/// identical message — same Message-Id, same bytes — which a mailbox files once.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class EmailKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Instances = 20;
    private const int Kills = 2;
    private static readonly string[] Recipients = ["reviewer", "legal", "leader"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fazhi-mail-kill-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Outbox_DeliversEachEmailOncePerPerson_WhenTheHostIsKilledWhileSending()
    {
        Directory.CreateDirectory(_folder);
        await using var smtp = new SmtpServer(answerDelay: TimeSpan.FromMilliseconds(150));
        await smtp.StartAsync();
        using var host = new HostProcess(Path.Combine(_folder, "workflows.db"), new Dictionary<string, string>
        {
            ["Workflows__Email__Host"] = "127.0.0.1",
            ["Workflows__Email__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Workflows__Email__Security"] = "None",
        });
        await host.StartAsync(StartTimeout);
        using var api = new KillTestClient(host.BaseAddress);
        await api.SignInAsync(["admin", "owner"]);
        await PublishAsync(api);

        var titles = Enumerable.Range(1, Instances).Select(i => $"送审通知{i:00}").ToList();
        foreach (var title in titles)
        {
            using var started = await api.SendAsync("owner", HttpMethod.Post, "/api/instances",
                JsonContent.Create(new { definitionKey = Key, businessKey = title, variables = new { title } }));
            Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        }

        var expected = Instances * Recipients.Length;
        var killedWithMailOutstanding = 0;
        for (var kill = 1; kill <= Kills; kill++)
        {
            // Kill once a further share of the mail has gone out, while the rest is still being sent.
            var threshold = expected * kill / (Kills + 1);
            await WaitUntilAsync($"{threshold} emails received before kill {kill}", TimeSpan.FromSeconds(60), () => Distinct(smtp).Count >= threshold, host);
            var before = Distinct(smtp).Count;
            host.Kill();
            output.WriteLine($"kill {kill}: {before} of {expected} distinct emails received, {smtp.Received().Count} SMTP deliveries");
            if (before < expected)
            {
                killedWithMailOutstanding++;
            }
            await host.StartAsync(StartTimeout);
        }
        Assert.True(killedWithMailOutstanding > 0, "Every email had gone out before the host was killed: the test did not test that.");

        await WaitUntilAsync($"all {expected} emails received", TimeSpan.FromSeconds(90), () => Distinct(smtp).Count >= expected, host);
        // Let any retry still queued run, so a late duplicate would be seen.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var received = smtp.Received();
        var byId = received.GroupBy(m => m.Message.MessageId).ToList();
        output.WriteLine($"{received.Count} SMTP deliveries of {byId.Count} distinct messages; {received.Count - byId.Count} re-sent after a kill with the same Message-Id");

        // Every copy of one Message-Id is the same message to the same person.
        foreach (var copies in byId)
        {
            Assert.False(string.IsNullOrEmpty(copies.Key), "A message without a Message-Id cannot be recognised as a re-send.");
            var bodies = copies.Select(c => Serialize(c)).Distinct().ToList();
            Assert.True(bodies.Count == 1, $"Message-Id {copies.Key} was delivered {copies.Count()} times with different content:{Environment.NewLine}"
                + string.Join(Environment.NewLine + "----" + Environment.NewLine, bodies.Select(b => Encoding.UTF8.GetString(Convert.FromBase64String(b)))));
            Assert.Single(copies.SelectMany(c => c.EnvelopeTo).Distinct(StringComparer.OrdinalIgnoreCase));
        }

        // What each mailbox holds, filed by Message-Id: exactly one message per person and notification.
        var mailboxes = byId.Select(g => g.First())
            .SelectMany(m => m.EnvelopeTo.Select(to => (To: to.ToLowerInvariant(), Subject: m.Message.Subject ?? "")))
            .ToList();
        foreach (var title in titles)
        {
            foreach (var user in Recipients)
            {
                var address = $"{user}@fazhi.local";
                var count = mailboxes.Count(m => m.To == address && m.Subject.Contains(title, StringComparison.Ordinal));
                Assert.True(count == 1, $"{address} holds {count} messages about {title}, not one.");
            }
        }
        Assert.Equal(expected, mailboxes.Count);
    }

    private const string Key = "mail-kill";

    private static string Bpmn => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fz="urn:fazhi:bpmn:1.0"
                          id="{{Key}}-definitions" targetNamespace="urn:fazhi:tests">
          <bpmn:process id="{{Key}}" name="送审通知（断电测试）" isExecutable="true">
            <bpmn:startEvent id="submitted" />
            <bpmn:sequenceFlow id="to-tell" sourceRef="submitted" targetRef="tell" />
            <bpmn:serviceTask id="tell" name="邮件通知" fz:type="email" fz:recipients="{{string.Join(",", Recipients)}}"
                              fz:subject="请审查：${title}" fz:body="事项「${title}」已提交，请按期完成审查。" />
            <bpmn:sequenceFlow id="to-end" sourceRef="tell" targetRef="done" />
            <bpmn:endEvent id="done" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static async Task PublishAsync(KillTestClient api)
    {
        using var response = await api.SendAsync("admin", HttpMethod.Post, "/api/definitions?publish=true",
            new StringContent(Bpmn, Encoding.UTF8, "application/xml"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static HashSet<string> Distinct(SmtpServer smtp) => [.. smtp.Received().Select(m => m.Message.MessageId ?? "")];

    private static string Serialize(ReceivedMail mail)
    {
        using var stream = new MemoryStream();
        mail.Message.WriteTo(stream);
        return Convert.ToBase64String(stream.ToArray());
    }

    private static async Task WaitUntilAsync(string what, TimeSpan timeout, Func<bool> condition, HostProcess host)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.{Environment.NewLine}Host output:{Environment.NewLine}{host.RecentOutput}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind harms nothing.
        }
    }
}
