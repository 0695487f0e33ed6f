namespace Workflows.Browser.Tests.Infrastructure;

/// <summary>
/// Where screenshots go: <c>WORKFLOWS_TEST_ARTIFACTS</c> when set (tests/run-all.sh points it into its
/// results folder), otherwise this project's <c>TestResults/screenshots</c>. Both are outside git.
/// </summary>
public static class Artifacts
{
    public static string Folder { get; } = Resolve();

    public static string PathFor(string name) => System.IO.Path.Combine(Folder, name + ".png");

    private static string Resolve()
    {
        var folder = Environment.GetEnvironmentVariable("WORKFLOWS_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(ProjectFolder(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string ProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Workflows.Browser.Tests.csproj")))
            {
                return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
