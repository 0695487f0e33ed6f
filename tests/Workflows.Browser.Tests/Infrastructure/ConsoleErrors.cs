using Microsoft.Playwright;

namespace Workflows.Browser.Tests.Infrastructure;

/// <summary>Collects what the page reports as errors: console errors and uncaught exceptions.</summary>
public static class ConsoleErrors
{
    public static List<string> Watch(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add(error);
            }
        };
        return errors;
    }
}
