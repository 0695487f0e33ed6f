using Workflows.Benchmarks;
using Workflows.Benchmarks.Reporting;
using Workflows.Benchmarks.Scenarios;

// Macro benchmarks: seconds-long, stateful runs of the real engine and real Quartz, timed with a
// Stopwatch around each phase. They print figures; nothing passes or fails on time.
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

var report = new BenchmarkReport(options.Scenario, options.Provider.ToString().ToLowerInvariant());
Console.WriteLine($"{options.Scenario} on {report.Provider}: {Environment.ProcessorCount} cores, {report.Machine["runtime"]}");
switch (options.Scenario)
{
    case "register":
        await RegisterScenario.RunAsync(options, report);
        break;
    case "lag":
        await LagScenario.RunAsync(options, report);
        break;
    case "flow":
        await FlowScenario.RunAsync(options, report);
        break;
    default:
        Console.Error.WriteLine($"Unknown scenario '{options.Scenario}'.");
        Console.Error.WriteLine(BenchmarkOptions.Usage);
        return 2;
}

var saved = await report.SaveAsync(options.ResultsFolder);
Console.WriteLine();
Console.WriteLine($"results: {saved}.json, {saved}.md");
return 0;
