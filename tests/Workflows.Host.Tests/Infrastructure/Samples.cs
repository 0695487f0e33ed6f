namespace Workflows.Host.Tests.Infrastructure;

public static class Samples
{
    /// <summary>The file the README's walk-through uploads, as the host ships it.</summary>
    public const string HelloReviewKey = "hello-review";

    public static string HelloReview => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "hello-review.bpmn"));
}
