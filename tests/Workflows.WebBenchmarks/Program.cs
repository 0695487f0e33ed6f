using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

// Measures, for the inbox (/tasks) and the designer (/designer), in Debian's Chromium:
// requests and bytes transferred (Resource Timing transferSize: headers + compressed body),
// DOMContentLoaded and load (Navigation Timing), and time to interactive: the Blazor circuit has
// connected (#main[data-circuit=connected]) and, for the designer, the modeler has drawn its canvas.
// Each row is the median of several runs; "cold" is a fresh browser context (empty cache),
// "warm" the same page loaded again in that context.
namespace Workflows.WebBenchmarks;

internal static class WebBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 5;

        var networks = new (string Name, object? Conditions)[]
        {
            ("loopback", null),
            // A slow county intranet: 2 Mbit/s down, 1 Mbit/s up, 100 ms round trip (Chrome DevTools throttling).
            ("slow intranet 2 Mbit/s, 100 ms", new Dictionary<string, object>
            {
                ["offline"] = false, ["latency"] = 100, ["downloadThroughput"] = 2_000_000 / 8, ["uploadThroughput"] = 1_000_000 / 8,
            }),
        };
        var pages = new (string Name, string Path, string ReadySelector)[]
        {
            ("inbox /tasks", "/tasks", "#main[data-circuit=connected]"),
            ("designer /designer", "/designer", "#main[data-circuit=connected] [data-testid=designer-canvas][data-state=ready] .djs-element"),
        };

        // run.sh passes the published host's folder; without it the host runs in-process from the build output,
        // where static assets are neither compressed nor cached as immutable (figures for development only).
        var publishFolder = args.Length > 1 ? args[1] : null;
        await using var buildHost = publishFolder is null ? new BenchmarkHost() : null;
        await using var publishedHost = publishFolder is null ? null : await PublishedHost.StartAsync(publishFolder);
        buildHost?.Start();
        var baseAddress = publishedHost?.BaseAddress ?? buildHost!.BaseAddress;
        Console.WriteLine($"Host ({(publishFolder is null ? "build output, in process" : "published")}) on {baseAddress}; {runs} runs per row, median shown.");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var storage = await SignInAsync(browser, baseAddress);

        var results = new List<string[]>();
        foreach (var (network, conditions) in networks)
        {
            foreach (var (pageName, path, ready) in pages)
            {
                var cold = new List<Measurement>();
                var warm = new List<Measurement>();
                for (var i = 0; i < runs; i++)
                {
                    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
                    {
                        BaseURL = baseAddress.ToString(), StorageState = storage, Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
                        ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
                    });
                    await context.AddInitScriptAsync(ReadyProbe(ready));
                    var page = await context.NewPageAsync();
                    page.SetDefaultTimeout(120_000);
                    var cdp = await context.NewCDPSessionAsync(page);
                    await cdp.SendAsync("Network.enable");
                    if (conditions is not null)
                    {
                        await cdp.SendAsync("Network.emulateNetworkConditions", (Dictionary<string, object>)conditions);
                    }
                    cold.Add(await MeasureAsync(page, path));
                    warm.Add(await MeasureAsync(page, path));
                }
                results.Add(Row(pageName, network, "cold", cold));
                results.Add(Row(pageName, network, "warm", warm));
            }
        }

        PrintTable(["page", "network", "cache", "requests", "KB transferred", "DOMContentLoaded ms", "load ms", "interactive ms"], results);
        return 0;

        static async Task<string> SignInAsync(IBrowser browser, Uri baseAddress)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "zh-CN" });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/sign-in?ReturnUrl=%2Ftasks");
            await page.GetByLabel("用户名").FillAsync("admin");
            await page.GetByLabel("密码").FillAsync("Demo@12345");
            await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/tasks");
            return await context.StorageStateAsync();
        }

        // Records performance.now() the moment the ready selector first matches, without polling from outside.
        static string ReadyProbe(string selector) => $$"""
            (() => {
              const selector = {{JsonSerializer.Serialize(selector)}};
              const check = () => {
                if (window.__fzInteractive === undefined && document.querySelector(selector)) {
                  window.__fzInteractive = performance.now();
                }
              };
              new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
            })();
            """;

        static async Task<Measurement> MeasureAsync(IPage page, string path)
        {
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            await page.WaitForFunctionAsync("() => window.__fzInteractive !== undefined", null, new() { PollingInterval = 50 });
            // Let late resources (lazy scripts, fonts) finish before counting them.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var json = await page.EvaluateAsync<JsonElement>("""
                () => {
                  const nav = performance.getEntriesByType('navigation')[0];
                  const resources = performance.getEntriesByType('resource');
                  return {
                    requests: 1 + resources.length,
                    bytes: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
                    detail: resources.map(r => `${Math.round(r.transferSize / 1024)} KB (${Math.round(r.decodedBodySize / 1024)} KB decoded) ${r.name}`),
                    dcl: nav.domContentLoadedEventEnd - nav.startTime,
                    load: nav.loadEventEnd - nav.startTime,
                    interactive: window.__fzInteractive,
                  };
                }
                """);
            if (Environment.GetEnvironmentVariable("WEB_BENCHMARK_DETAIL") == "1")
    {
        Console.WriteLine(path + ":");
        foreach (var line in json.GetProperty("detail").EnumerateArray())
        {
            Console.WriteLine("  " + line.GetString());
        }
    }
    return new Measurement(json.GetProperty("requests").GetInt32(), json.GetProperty("bytes").GetDouble(),
                json.GetProperty("dcl").GetDouble(), json.GetProperty("load").GetDouble(), json.GetProperty("interactive").GetDouble());
        }

        static string[] Row(string page, string network, string cache, List<Measurement> m)
        {
            static double Median(IEnumerable<double> values)
            {
                var sorted = values.Order().ToArray();
                return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            }
            var c = CultureInfo.InvariantCulture;
            return [page, network, cache,
                Median(m.Select(x => (double)x.Requests)).ToString("0", c),
                (Median(m.Select(x => x.Bytes)) / 1024).ToString("0.0", c),
                Median(m.Select(x => x.DomContentLoaded)).ToString("0", c),
                Median(m.Select(x => x.Load)).ToString("0", c),
                Median(m.Select(x => x.Interactive)).ToString("0", c)];
        }

        static void PrintTable(string[] header, List<string[]> rows)
        {
            var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
            string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((cell, i) => cell.PadRight(widths[i]))) + " |";
            Console.WriteLine(Line(header));
            Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
            rows.ForEach(r => Console.WriteLine(Line(r)));
        }
    }
}

internal sealed record Measurement(int Requests, double Bytes, double DomContentLoaded, double Load, double Interactive);
